import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CurrentUser } from '../../core/api/models';
import { BankAccountChange } from '../organization/data/organization.models';
import { AuthService } from '../../core/auth/auth.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage, user } from '../../../testing/test-helpers';
import { AccountChangesPage, mayDecide } from './account-changes.page';

function change(overrides: Partial<BankAccountChange> = {}): BankAccountChange {
  return {
    id: 'c-1', personId: 'p-owner', personName: '杨帆', employeeNo: 'E0008', accountId: 'a-1', kind: 'Added', status: 'Pending', makesDefault: true,
    accountName: '杨帆', bankName: '中国工商银行上海分行', cnapsCode: '102290000000', accountNumberMasked: '************2222', accountNumber: '6222000011112222',
    madeBy: 'p-admin', madeByName: '系统管理员', madeAt: '2026-12-01T08:00:00Z', decidedBy: null, decidedByName: null, decidedAt: null, note: null,
    awaiting: 'Confirmation', clearsAt: null, ...overrides,
  };
}

describe('AccountChangesPage', () => {
  let backend: HttpTestingController;

  async function render(current: CurrentUser, lang: 'en' | 'zh-CN' = 'en') {
    TestBed.configureTestingModule({
      imports: [AccountChangesPage],
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: signal(current), hasPermission: (p: string) => current.permissions.includes(p) } },
      ],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AccountChangesPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const finance = (personId: string): CurrentUser => ({ ...user(['Payments.Manage', 'Organization.BankAccounts.Decide'], ['Finance']), personId });

  it('never offers a decision to the changer or the owner', () => {
    expect(mayDecide(change(), 'p-finance')).toBe(true);
    expect(mayDecide(change(), 'p-admin')).toBe(false);
    expect(mayDecide(change(), 'p-owner')).toBe(false);
    expect(mayDecide(change(), null)).toBe(false);
  });

  it('lists a pending change with the full number and who made it, and confirms it', async () => {
    const { fixture, el } = await render(finance('p-finance'));
    backend.expectOne('/api/organization/bank-account-changes').flush([change()]);
    await fixture.whenStable();

    expect(text(el, '[data-testid=change-account]')).toBe('6222000011112222');
    expect(text(el, '[data-testid=change-made-by]')).toContain('系统管理员');
    expect(text(el, '[data-testid=account-change-item]')).toContain('Awaits confirmation: not paid to until decided');
    (el.querySelector('[data-testid=change-confirm]') as HTMLButtonElement).click();
    const req = backend.expectOne('/api/organization/bank-account-changes/c-1/confirm');
    expect(req.request.method).toBe('POST');
    req.flush(change({ status: 'Confirmed', awaiting: null, decidedByName: '张会计' }));
    await fixture.whenStable();
    backend.expectOne('/api/organization/bank-account-changes').flush([]);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=changes-none]')).not.toBeNull();
  });

  it('sends the reason when rejecting, and shows a decision someone else took first', async () => {
    const { fixture, el } = await render(finance('p-finance'), 'zh-CN');
    backend.expectOne('/api/organization/bank-account-changes').flush([change()]);
    await fixture.whenStable();

    const note = el.querySelector('[data-testid=change-note]') as HTMLInputElement;
    note.value = '电话核实非本人申请';
    note.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=change-reject]') as HTMLButtonElement).click();
    const req = backend.expectOne('/api/organization/bank-account-changes/c-1/reject');
    expect(req.request.body).toEqual({ note: '电话核实非本人申请' });
    req.flush({ code: 'Organization.AccountChangeDecided', title: '冲突', detail: '该银行账户变更已被处理。', status: 409 }, { status: 409, statusText: 'Conflict' });
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(text(el, '[role=alert]')).toContain('该银行账户变更已被处理');
    });
  });

  it("explains an owner's own change in its waiting period, and hides the buttons from the changer", async () => {
    const { fixture, el } = await render(finance('p-admin'));
    backend.expectOne('/api/organization/bank-account-changes').flush([
      change({ id: 'c-2', status: 'Effective', awaiting: 'Period', clearsAt: '2026-12-08T08:00:00Z', madeBy: 'p-owner', madeByName: '杨帆', accountNumber: null }),
      change(),
    ]);
    await fixture.whenStable();

    const items = el.querySelectorAll('[data-testid=account-change-item]');
    expect(items[0].textContent).toMatch(/The owner's own change: paid from 2026-12-0\d/);
    expect(items[0].querySelector('[data-testid=change-account]')?.textContent).toBe('************2222');
    expect(items[0].querySelector('[data-testid=change-reject]')).toBeNull();
    expect(items[1].querySelector('[data-testid=change-confirm]')).toBeNull();
    expect(items[1].querySelector('[data-testid=change-own]')?.textContent).toContain('another finance user must decide it');
  });
});
