import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { Person } from '../data/organization.models';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../../testing/test-helpers';
import { PersonDialog, PersonDialogData } from './person-dialog';

function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 'p-9', employeeNo: 'E0009', displayName: '张伟', email: 'zhang.wei@example.com', phone: null,
    departmentId: null, departmentName: null, gradeCode: null, managerId: null, managerName: null, costCentreCode: null,
    roles: ['Admin', 'Employee'], isActive: true, bankAccounts: [], pendingRoles: [],
    ...overrides,
  };
}

describe('PersonDialog', () => {
  let backend: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;

  async function render(lang: 'en' | 'zh-CN', personId: string | null, loaded?: Person) {
    close = vi.fn();
    const data: PersonDialogData = { personId };
    TestBed.configureTestingModule({
      imports: [PersonDialog],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PersonDialog);
    await fixture.whenStable();
    for (const url of ['/api/organization/departments', '/api/organization/grades', '/api/organization/cost-centres']) {
      backend.expectOne(url).flush([]);
    }
    if (personId) backend.expectOne(`/api/organization/people/${personId}`).flush(loaded ?? person());
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return { fixture, el, loader };
  }

  async function settle(fixture: { whenStable(): Promise<unknown> }) {
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  }

  async function choose(loader: ReturnType<typeof TestbedHarnessEnvironment.loader>, role: string) {
    const roles = await loader.getHarness(MatSelectHarness.with({ selector: '[name=roles]' }));
    await roles.open();
    await roles.clickOptions({ text: role });
    await roles.close();
  }

  it('keeps the dialog open after a save that held Finance back, and says it waits for a second administrator', async () => {
    const { fixture, el, loader } = await render('zh-CN', 'p-9');
    expect(el.querySelector('[data-testid=pending-roles-notice]')).toBeNull();
    await choose(loader, '财务');
    (el.querySelector('button[type=submit]') as HTMLButtonElement).click();

    const put = backend.expectOne({ method: 'PUT', url: '/api/organization/people/p-9' });
    expect([...put.request.body.roles].sort()).toEqual(['Admin', 'Employee', 'Finance']);
    // The server saved everything else and answers with Finance held back.
    const saved = person({ displayName: '张伟', pendingRoles: ['Finance'] });
    put.flush(saved);
    await settle(fixture);

    expect(close).not.toHaveBeenCalled();
    const notice = el.querySelector('[data-testid=pending-roles-notice]') as HTMLElement;
    expect(notice.getAttribute('role')).toBe('status');
    expect(text(notice, '[data-testid=pending-roles-saved]')).toBe('已保存。');
    expect(text(notice, '.lead')).toContain('财务角色须由另一位管理员确认后生效。');
    const pending = el.querySelectorAll('[data-testid=roles-pending] [data-testid=role-tag-pending]');
    expect([...pending].map((t) => t.getAttribute('data-role'))).toEqual(['Finance']);
    expect(pending[0].textContent).toContain('财务');
    expect(pending[0].textContent).toContain('待确认');
    // What the person holds now is what the form shows: Finance is not among the selected roles.
    expect(text(el, 'mat-select[name=roles]')).not.toContain('财务');
    expect(el.querySelector('button[type=submit]')).toBeNull();
    expect(el.querySelector('a[data-testid=open-role-grants]')?.getAttribute('href')).toBe('/organization/role-grants');

    const closeButton = el.querySelector('[data-testid=person-close]') as HTMLButtonElement;
    expect(text(el, '[data-testid=person-close]')).toBe('关闭');
    closeButton.click();
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('closes at once with the saved person when every role took effect', async () => {
    const { fixture, el } = await render('en', 'p-9');
    (el.querySelector('button[type=submit]') as HTMLButtonElement).click();
    const saved = person({ pendingRoles: [] });
    backend.expectOne({ method: 'PUT', url: '/api/organization/people/p-9' }).flush(saved);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(saved);
    expect(el.querySelector('[data-testid=pending-roles-notice]')).toBeNull();
  });

  it('shows roles still waiting when an administrator opens the person later', async () => {
    const { el } = await render('en', 'p-9', person({ roles: ['Employee'], pendingRoles: ['Admin', 'Finance'] }));
    const notice = el.querySelector('[data-testid=pending-roles-notice]') as HTMLElement;
    expect(text(notice, '.lead')).toBe("Admin, Finance wait for a second administrator's confirmation.");
    expect(notice.querySelector('[data-testid=pending-roles-saved]')).toBeNull();
    const pending = [...el.querySelectorAll('[data-testid=roles-pending] [data-testid=role-tag-pending]')];
    expect(pending.map((t) => t.getAttribute('data-role'))).toEqual(['Admin', 'Finance']);
    expect(pending.every((t) => t.textContent?.includes('pending'))).toBe(true);
    expect(el.querySelector('button[type=submit]')).not.toBeNull();
  });

  it('after creating a person whose Admin and Finance wait, offers no second save that would create them twice', async () => {
    const { fixture, el, loader } = await render('en', null);
    const type = (name: string, value: string) => {
      const input = el.querySelector(`input[name=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('employeeNo', 'E0042');
    type('displayName', '李娜');
    type('email', 'li.na@example.com');
    type('initialPassword', 'Secret-123X');
    await choose(loader, 'Admin');
    await choose(loader, 'Finance');
    (el.querySelector('button[type=submit]') as HTMLButtonElement).click();
    const post = backend.expectOne({ method: 'POST', url: '/api/organization/people' });
    expect([...post.request.body.roles].sort()).toEqual(['Admin', 'Employee', 'Finance']);
    post.flush(person({ id: 'p-42', roles: ['Employee'], pendingRoles: ['Admin', 'Finance'] }), { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(text(el, '[data-testid=pending-roles-notice] .lead')).toBe("Saved. Admin, Finance wait for a second administrator's confirmation.");
    expect(el.querySelector('button[type=submit]')).toBeNull();
    expect((el.querySelector('input[name=employeeNo]') as HTMLInputElement).disabled).toBe(true);
    expect(close).not.toHaveBeenCalled();
  });
});
