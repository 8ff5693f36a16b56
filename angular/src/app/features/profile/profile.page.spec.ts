import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../../core/auth/auth.service';
import { CurrentUser } from '../../core/api/models';
import { BankAccountLogEntry, Person } from '../organization/data/organization.models';
import { provideTestTranslations, text, useLanguage, user } from '../../../testing/test-helpers';
import { ProfilePage } from './profile.page';

describe('ProfilePage', () => {
  async function render(current: CurrentUser) {
    TestBed.configureTestingModule({
      imports: [ProfilePage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: signal(current) } },
      ],
    });
    await useLanguage('en');
    const fixture = TestBed.createComponent(ProfilePage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, backend: TestBed.inject(HttpTestingController) };
  }

  it("loads the signed-in person's own record and accounts", async () => {
    const { fixture, el, backend } = await render(user([]));
    const me: Person = {
      id: 'p-1', employeeNo: 'E0014', displayName: '马超', email: 'dev1@example.com', phone: null, departmentId: 'd', departmentName: '研发部',
      gradeCode: 'G1', managerId: 'm', managerName: '孙丽', costCentreCode: 'CC-RND', roles: ['Employee'], isActive: true,
      bankAccounts: [{ id: 'b', personId: 'p-1', accountName: '马超', bankName: '招商银行', cnapsCode: null, accountNumberMasked: '****0014', accountNumber: '6214830000000014', isDefault: true }],
    };
    backend.expectOne('/api/organization/people/p-1').flush(me);
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(text(el, '[data-testid="profile-facts"]')).toContain('孙丽');
    });
    expect(el.querySelector('h1')?.textContent).toContain('My profile');
    expect(text(el, '[data-testid="bank-account-number"]')).toBe('****0014');
    expect(el.querySelector('[data-testid="account-change-notice"]')).toBeNull();
  });

  it('tells the owner of every change someone else made to their accounts, and not of their own', async () => {
    const { fixture, el, backend } = await render(user([]));
    backend.expectOne('/api/organization/people/p-1').flush({
      id: 'p-1', employeeNo: 'E0014', displayName: '马超', email: 'dev1@example.com', phone: null, departmentId: null, departmentName: null,
      gradeCode: null, managerId: null, managerName: null, costCentreCode: null, roles: ['Employee'], isActive: true, bankAccounts: [],
    } satisfies Person);
    await fixture.whenStable();
    const entry = (id: number, type: BankAccountLogEntry['type'], byOwner: boolean, actorName: string, outcome: BankAccountLogEntry['outcome'] = null): BankAccountLogEntry => ({
      id, accountId: 'a-1', changeId: 'c-1', type, outcome, actorId: byOwner ? 'p-1' : 'x', actorName, byOwner, at: '2026-12-01T08:00:00Z',
      accountName: '马超', bankName: '中国工商银行', accountNumberMasked: '************7777', note: null,
    });
    const logRequest = await vi.waitFor(async () => {
      await fixture.whenStable();
      return backend.expectOne('/api/organization/people/p-1/bank-account-log');
    });
    logRequest.flush([
      entry(3, 'Removed', true, '马超'), entry(2, 'Confirmed', false, '张会计'), entry(1, 'Added', false, '系统管理员', 'Pending'),
    ]);
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelectorAll('[data-testid="account-change-entry"]').length).toBe(2);
    });
    const notice = text(el, '[data-testid="account-change-notice"]');
    expect(notice).toContain('Changes to your bank accounts by someone else');
    expect(notice).toContain('系统管理员: added account ************7777 · 中国工商银行');
    expect(notice).toContain('awaiting finance confirmation');
    expect(notice).toContain('张会计: confirmed the change of account');
    expect(notice).not.toContain('removed account');
  });

  it('explains when the account is not a person, without calling the API', async () => {
    const { el, backend } = await render({ ...user([]), personId: null });
    backend.expectNone(() => true);
    expect(text(el, '[role="alert"]')).toBe('This account is not linked to a person in the directory.');
  });
});
