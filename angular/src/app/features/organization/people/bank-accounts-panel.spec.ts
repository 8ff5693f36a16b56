import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { BankAccount } from '../data/organization.models';
import { provideTestTranslations, useLanguage } from '../../../../testing/test-helpers';
import { BankAccountsPanel } from './bank-accounts-panel';

const masked: BankAccount = {
  id: 'b1', personId: 'p1', accountName: '张伟', bankName: '中国工商银行', cnapsCode: '102100099996',
  accountNumberMasked: '6222 **** **** 4567', isDefault: true,
};

describe('BankAccountsPanel', () => {
  async function render(accounts: BankAccount[]) {
    TestBed.configureTestingModule({
      imports: [BankAccountsPanel],
      providers: [provideTestTranslations(), provideHttpClient(), provideHttpClientTesting()],
    });
    await useLanguage('en');
    const fixture = TestBed.createComponent(BankAccountsPanel);
    fixture.componentRef.setInput('personId', 'p1');
    fixture.componentRef.setInput('accounts', accounts);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const numbers = (el: HTMLElement) =>
    [...el.querySelectorAll('[data-testid="bank-account-number"]')].map((n) => n.textContent?.trim());

  it('shows only the masked number when the server did not send the full one', async () => {
    const { el } = await render([masked]);
    expect(numbers(el)).toEqual(['6222 **** **** 4567']);
    expect(el.querySelector('[aria-label="Show or hide the full account number"]')).toBeNull();
  });

  it('keeps a full number masked until the user asks to see it', async () => {
    const { el, fixture } = await render([{ ...masked, accountNumber: '6222020200001234567' }]);
    expect(numbers(el)).toEqual(['6222 **** **** 4567']);
    (el.querySelector('[aria-label="Show or hide the full account number"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(numbers(el)).toEqual(['6222020200001234567']);
  });

  it('adds an account without spaces in the number, then reloads the list', async () => {
    const { el, fixture } = await render([]);
    (el.querySelector('[data-testid="bank-add"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const type = (name: string, value: string) => {
      const input = el.querySelector(`input[name=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('bankName', '招商银行');
    type('accountName', '张伟');
    type('accountNumber', '6225 8812 3456 7890');
    type('cnapsCode', '308584000013');
    (el.querySelector('[data-testid="bank-save"]') as HTMLButtonElement).click();

    const backend = TestBed.inject(HttpTestingController);
    const post = backend.expectOne({ method: 'POST', url: '/api/organization/people/p1/bank-accounts' });
    expect(post.request.body).toEqual({
      bankName: '招商银行', accountName: '张伟', accountNumber: '6225881234567890', cnapsCode: '308584000013', isDefault: false,
    });
    post.flush({ ...masked, id: 'b2' });
    await vi.waitFor(() => backend.expectOne({ method: 'GET', url: '/api/organization/people/p1/bank-accounts' }).flush([{ ...masked, id: 'b2', accountNumberMasked: '6225 **** **** 7890' }]));
    await fixture.whenStable();
    expect(numbers(el)).toEqual(['6225 **** **** 7890']);
  });
});
