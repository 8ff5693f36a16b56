import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AccountingMapping } from './data/payments.models';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { formToMapping, mappingToForm } from './accounting-mapping';
import { AccountingMappingPage } from './accounting-mapping.page';

const mapping = (overrides: Partial<AccountingMapping> = {}): AccountingMapping => ({
  expenseAccounts: { travel: '660201', meals: '660203', hotel: '660201' },
  defaultExpenseAccount: '660299',
  payableAccount: '224101',
  bankAccount: '100201',
  legalEntities: { 'le-1': { payableAccount: '224102', bankAccount: '100202' } },
  ...overrides,
});

describe('accounting mapping ↔ form', () => {
  it('has a row per listed category in its order, then the mapped categories the list does not show', () => {
    const form = mappingToForm(mapping(), ['meals', 'Travel', 'office']);
    expect(form.accounts).toEqual([
      { category: 'meals', account: '660203' },
      { category: 'Travel', account: '660201' },
      { category: 'office', account: '' },
      { category: 'hotel', account: '660201' },
    ]);
    expect(form).toMatchObject({ defaultExpenseAccount: '660299', payableAccount: '224101', bankAccount: '100201' });
  });

  it('sends trimmed codes, leaves empty categories to the default and keeps the legal-entity overrides', () => {
    const original = mapping();
    const form = mappingToForm(original, ['travel', 'meals', 'office']);
    form.accounts[1].account = '  ';
    form.accounts[2].account = ' 660204 ';
    form.bankAccount = ' 100209 ';
    expect(formToMapping(form, original)).toEqual({
      expenseAccounts: { travel: '660201', office: '660204', hotel: '660201' },
      defaultExpenseAccount: '660299',
      payableAccount: '224101',
      bankAccount: '100209',
      legalEntities: { 'le-1': { payableAccount: '224102', bankAccount: '100202' } },
    });
  });

  it('round-trips an unchanged mapping', () => {
    const original = mapping();
    expect(formToMapping(mappingToForm(original, ['travel', 'meals']), original)).toEqual(original);
    expect(formToMapping(mappingToForm(mapping({ legalEntities: {} }), []), null).legalEntities).toEqual({});
  });
});

describe('AccountingMappingPage', () => {
  it('loads the mapping, saves the edited form with PUT and shows the server message on 400', async () => {
    TestBed.configureTestingModule({
      imports: [AccountingMappingPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AccountingMappingPage);
    backend.expectOne('/api/payments/accounting/mapping').flush(mapping());
    backend.expectOne('/api/expenses/categories').flush([
      { code: 'travel', nameZh: '差旅', nameEn: 'Travel', isActive: true, allowsPersonalInvoice: false },
      { code: 'office', nameZh: '办公', nameEn: 'Office', isActive: true, allowsPersonalInvoice: false },
    ]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = (name: string) => el.querySelector(`input[name="${name}"]`) as HTMLInputElement;
    expect(input('account-travel').value).toBe('660201');
    expect(input('account-office').value).toBe('');
    expect(input('account-hotel').value).toBe('660201');
    expect(input('payableAccount').value).toBe('224101');

    input('account-office').value = '660204';
    input('account-office').dispatchEvent(new Event('input'));
    input('bankAccount').value = 'bad code!';
    input('bankAccount').dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=mapping-save]') as HTMLButtonElement).click();
    const put = backend.expectOne('/api/payments/accounting/mapping');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.expenseAccounts).toEqual({ travel: '660201', office: '660204', meals: '660203', hotel: '660201' });
    expect(put.request.body.bankAccount).toBe('bad code!');
    expect(put.request.body.legalEntities).toEqual({ 'le-1': { payableAccount: '224102', bankAccount: '100202' } });
    put.flush(
      { code: 'Payments.InvalidAccountingMapping', title: 'Bad Request', detail: 'Every account code must be 1 to 20 letters, digits, dots or dashes.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=form-error]')?.textContent).toContain('Every account code must be 1 to 20 letters');
    backend.verify();
  });
});
