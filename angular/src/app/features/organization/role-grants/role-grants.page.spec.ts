import { formatDate } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RoleGrant } from '../data/organization.models';
import { AuthService } from '../../../core/auth/auth.service';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage, user } from '../../../../testing/test-helpers';
import { RoleGrantsPage, grantReason } from './role-grants.page';

function grant(overrides: Partial<RoleGrant> = {}): RoleGrant {
  return {
    id: 'g-1', personId: 'p-7', personName: '张伟', roles: ['Finance'], reason: 'Conflict:Admin+Finance',
    requestedBy: 'p-3', requestedByName: '王芳', requestedAt: '2026-12-07T08:30:00Z', status: 'Pending', decidedBy: null, decidedAt: null,
    ...overrides,
  };
}

const selfGrant = grant({ id: 'g-2', personId: 'p-3', personName: '王芳', roles: ['Finance', 'HR'], reason: 'SelfGrant', requestedAt: '2026-12-06T01:05:00Z' });

describe('RoleGrantsPage', () => {
  let backend: HttpTestingController;

  async function render(lang: 'en' | 'zh-CN', grants: RoleGrant[], me = 'p-1') {
    const current = signal({ ...user(['Organization.Manage'], ['Admin']), personId: me });
    TestBed.configureTestingModule({
      imports: [RoleGrantsPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: current, permissions: () => current().permissions } },
      ],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RoleGrantsPage);
    await fixture.whenStable();
    expectList('Pending').flush(grants);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  function expectList(status: string) {
    const req = backend.expectOne((r) => r.method === 'GET' && r.url === '/api/organization/role-grants');
    expect(req.request.params.get('status')).toBe(status);
    return req;
  }

  const section = (el: HTMLElement, id: string) => el.querySelector(`[data-testid=role-grant][data-grant-id=${id}]`) as HTMLElement;

  it('lists each waiting grant with the person, the pending roles, the reason in words, who asked and when', async () => {
    const { el } = await render('en', [grant(), selfGrant]);
    expect(text(el, 'h1')).toBe('Role grants');
    const rows = [...el.querySelectorAll('[data-testid=role-grant]')] as HTMLElement[];
    expect(rows.map((r) => r.getAttribute('data-grant-id'))).toEqual(['g-1', 'g-2']);
    // stacked blocks, not a table that would scroll sideways on a phone
    expect(el.querySelector('table')).toBeNull();

    const first = rows[0];
    expect(text(first, '[data-testid=grant-person]')).toBe('张伟');
    expect([...first.querySelectorAll('[data-testid=role-tag-pending]')].map((t) => t.getAttribute('data-role'))).toEqual(['Finance']);
    expect(text(first, '[data-testid=grant-reason]')).toBe('Admin and Finance on one person');
    expect(text(first, '[data-testid=grant-requested-by]')).toBe('王芳');
    expect(text(first, '[data-testid=grant-requested-at]')).toBe(formatDate('2026-12-07T08:30:00Z', 'yyyy-MM-dd HH:mm', 'en-US'));
    expect(text(rows[1], '[data-testid=grant-reason]')).toBe('Self-grant: an administrator raising their own roles');
    expect([...rows[1].querySelectorAll('[data-testid=role-tag-pending]')].map((t) => t.getAttribute('data-role'))).toEqual(['Finance', 'HR']);
    for (const r of rows) {
      expect((r.querySelector('[data-testid=grant-confirm]') as HTMLButtonElement).disabled).toBe(false);
      expect((r.querySelector('[data-testid=grant-reject]') as HTMLButtonElement).disabled).toBe(false);
    }
  });

  it('names the reasons in Chinese', async () => {
    const { el } = await render('zh-CN', [grant(), selfGrant, grant({ id: 'g-3', reason: 'Conflict:HR+Finance' })]);
    expect(text(section(el, 'g-1'), '[data-testid=grant-reason]')).toBe('管理与财务职责冲突');
    expect(text(section(el, 'g-2'), '[data-testid=grant-reason]')).toBe('自行提权');
    expect(text(section(el, 'g-3'), '[data-testid=grant-reason]')).toBe('人事与财务职责冲突');
    expect(text(section(el, 'g-1'), '[data-testid=grant-confirm]')).toContain('确认授予');
    expect(text(section(el, 'g-1'), '[data-testid=grant-reject]')).toContain('驳回');
  });

  it('confirms a grant and reloads the list', async () => {
    const { fixture, el } = await render('en', [grant(), selfGrant]);
    (section(el, 'g-1').querySelector('[data-testid=grant-confirm]') as HTMLButtonElement).click();
    const post = backend.expectOne({ method: 'POST', url: '/api/organization/role-grants/g-1/confirm' });
    post.flush({ ...grant(), status: 'Confirmed', decidedBy: 'p-1', decidedAt: '2026-12-07T09:00:00Z' });
    await fixture.whenStable();
    expectList('Pending').flush([selfGrant]);
    await fixture.whenStable();
    expect([...el.querySelectorAll('[data-testid=role-grant]')].map((r) => r.getAttribute('data-grant-id'))).toEqual(['g-2']);
  });

  it('rejects a grant and reloads the list', async () => {
    const { fixture, el } = await render('en', [grant()]);
    (section(el, 'g-1').querySelector('[data-testid=grant-reject]') as HTMLButtonElement).click();
    backend.expectOne({ method: 'POST', url: '/api/organization/role-grants/g-1/reject' }).flush({ ...grant(), status: 'Rejected' });
    await fixture.whenStable();
    expectList('Pending').flush([]);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=role-grant]')).toBeNull();
    expect(text(el, '[data-testid=grants-empty]')).toBe('No role grant is waiting.');
  });

  it.each([
    [403, 'Organization.GrantNeedsAnotherAdministrator', '须由另一位管理员（既非申请人，也非被授予人）决定该角色授予。'],
    [409, 'Organization.GrantAlreadyDecided', '该角色授予已被确认或驳回。'],
  ])('shows the server refusal %i next to the grant it concerns, and keeps the list', async (status, code, detail) => {
    const { fixture, el } = await render('zh-CN', [grant(), selfGrant]);
    (section(el, 'g-2').querySelector('[data-testid=grant-confirm]') as HTMLButtonElement).click();
    backend
      .expectOne({ method: 'POST', url: '/api/organization/role-grants/g-2/confirm' })
      .flush({ title: 'refused', status, detail, code }, { status, statusText: 'Refused' });
    await fixture.whenStable();

    expect(text(section(el, 'g-2'), '[data-testid=grant-error]')).toBe(detail);
    expect(section(el, 'g-2').querySelector('[data-testid=grant-error]')?.getAttribute('role')).toBe('alert');
    expect(section(el, 'g-1').querySelector('[data-testid=grant-error]')).toBeNull();
    backend.expectNone((r) => r.url === '/api/organization/role-grants');
    expect(el.querySelectorAll('[data-testid=role-grant]').length).toBe(2);
    // the buttons are usable again, e.g. to try the other grant
    expect((section(el, 'g-1').querySelector('[data-testid=grant-confirm]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says before any click that the requester and the person cannot decide their own grant', async () => {
    const { el } = await render('en', [grant(), selfGrant], 'p-3');
    for (const id of ['g-1', 'g-2']) {
      const s = section(el, id);
      expect(text(s, '[data-testid=grant-not-yours]')).toBe('You asked for this grant or would receive it: another administrator decides.');
      expect((s.querySelector('[data-testid=grant-confirm]') as HTMLButtonElement).disabled).toBe(true);
      expect((s.querySelector('[data-testid=grant-reject]') as HTMLButtonElement).disabled).toBe(true);
    }
  });

  it('shows decided grants with when they were decided and without buttons', async () => {
    const { fixture, el } = await render('en', [grant()]);
    (el.querySelector('mat-button-toggle[data-status=Confirmed] button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expectList('Confirmed').flush([grant({ status: 'Confirmed', decidedBy: 'p-1', decidedAt: '2026-12-07T09:15:00Z' })]);
    await fixture.whenStable();
    const s = section(el, 'g-1');
    expect(s.getAttribute('data-status')).toBe('Confirmed');
    expect(text(s, '[data-testid=grant-decided-at]')).toBe(formatDate('2026-12-07T09:15:00Z', 'yyyy-MM-dd HH:mm', 'en-US'));
    expect(s.querySelector('[data-testid=role-tag-pending]')).toBeNull();
    expect([...s.querySelectorAll('[data-testid=role-tag]')].map((t) => t.getAttribute('data-role'))).toEqual(['Finance']);
    expect(s.querySelector('[data-testid=grant-confirm]')).toBeNull();
  });

  it('maps reason codes to texts and leaves unknown ones as they are', () => {
    expect(grantReason('SelfGrant')).toEqual({ key: 'roleGrants.reason.selfGrant' });
    expect(grantReason('Conflict:Finance+Admin')).toEqual({ key: 'roleGrants.reason.conflictAdminFinance' });
    expect(grantReason('Conflict:HR+Finance')).toEqual({ key: 'roleGrants.reason.conflict', roles: ['HR', 'Finance'] });
    expect(grantReason('Something')).toBeNull();
  });
});
