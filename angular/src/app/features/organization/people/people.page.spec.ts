import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { PersonListItem } from '../data/organization.models';
import { provideTestTranslations, useLanguage, user } from '../../../../testing/test-helpers';
import { PeoplePage, toSortParam } from './people.page';

function person(n: number): PersonListItem {
  return {
    id: `id-${n}`,
    employeeNo: `E00${n}`,
    displayName: `员工${n}`,
    email: `e${n}@example.com`,
    departmentId: 'd-1',
    departmentName: '财务部',
    gradeCode: 'G3',
    managerId: null,
    managerName: '王经理',
    costCentreCode: 'CC-1',
    roles: ['Employee', 'Approver'],
    isActive: true,
  };
}

describe('PeoplePage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const current = signal(user(['Organization.Manage'], ['Admin']));
    TestBed.configureTestingModule({
      imports: [PeoplePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: current, permissions: () => current().permissions } },
      ],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => vi.useRealTimers());

  it('asks the server for the first page and renders one row per person', async () => {
    const fixture = TestBed.createComponent(PeoplePage);
    await fixture.whenStable();
    backend.expectOne('/api/organization/departments').flush([]);
    backend.expectOne((r) => r.url === '/api/organization/role-grants').flush([]);
    const req = backend.expectOne((r) => r.url === '/api/organization/people');
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('20');
    expect(req.request.params.get('sort')).toBe('displayName');
    req.flush({ items: [person(1), person(2), person(3)], totalCount: 45 });
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toContain('People');
    const rows = el.querySelectorAll('[data-testid="people-table"] tr[data-testid="person-row"]');
    expect(rows.length).toBe(3);
    expect(rows[0].textContent).toContain('E001');
    expect(rows[0].textContent).toContain('员工1');
    expect(rows[0].textContent).toContain('Approver');
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain('45');
    expect(el.querySelector('[data-testid=role-tag-pending]')).toBeNull();
    expect(el.querySelector('[data-testid=role-grants-waiting]')).toBeNull();
  });

  it('marks roles that wait for a second administrator as pending in the person row, and links to the grants', async () => {
    const fixture = TestBed.createComponent(PeoplePage);
    await fixture.whenStable();
    backend.expectOne('/api/organization/departments').flush([]);
    const grants = backend.expectOne((r) => r.url === '/api/organization/role-grants');
    expect(grants.request.params.get('status')).toBe('Pending');
    grants.flush([
      {
        id: 'g-1', personId: 'id-2', personName: '员工2', roles: ['Finance'], reason: 'Conflict:Admin+Finance', requestedBy: 'p-1',
        requestedByName: '李娜', requestedAt: '2026-12-07T08:30:00Z', status: 'Pending', decidedBy: null, decidedAt: null,
      },
    ]);
    backend.expectOne((r) => r.url === '/api/organization/people').flush({ items: [person(1), person(2)], totalCount: 2 });
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    const rows = el.querySelectorAll('tr[data-testid="person-row"]');
    expect(rows[0].querySelector('[data-testid=role-tag-pending]')).toBeNull();
    const pending = [...rows[1].querySelectorAll('[data-testid=role-tag-pending]')];
    expect(pending.map((t) => t.getAttribute('data-role'))).toEqual(['Finance']);
    expect(pending[0].textContent).toContain('Finance · pending');
    // held roles stay plain tags
    expect([...rows[1].querySelectorAll('[data-testid=role-tag]')].map((t) => t.getAttribute('data-role'))).toEqual(['Employee', 'Approver']);
    const link = el.querySelector('a[data-testid=role-grants-waiting]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/organization/role-grants');
    expect(link.textContent).toContain('Role grants waiting for a second administrator: 1');
  });

  it('searches on the server after the user stops typing, from page 1', async () => {
    const fixture = TestBed.createComponent(PeoplePage);
    await fixture.whenStable();
    backend.expectOne('/api/organization/departments').flush([]);
    backend.expectOne((r) => r.url === '/api/organization/people').flush({ items: [], totalCount: 0 });

    const input = (fixture.nativeElement as HTMLElement).querySelector('input[name=search]') as HTMLInputElement;
    input.value = '王';
    input.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(400);
    await fixture.whenStable();

    const req = backend.expectOne((r) => r.url === '/api/organization/people');
    expect(req.request.params.get('search')).toBe('王');
    expect(req.request.params.get('page')).toBe('1');
    req.flush({ items: [person(7)], totalCount: 1 });
  });

  it('maps table sorting to the API sort parameter', () => {
    expect(toSortParam({ active: 'employeeNo', direction: 'asc' })).toBe('employeeNo');
    expect(toSortParam({ active: 'department', direction: 'desc' })).toBe('-department');
    expect(toSortParam({ active: 'email', direction: 'asc' })).toBeUndefined();
    expect(toSortParam({ active: 'displayName', direction: '' })).toBeUndefined();
  });
});

describe('PeoplePage for a reader of people', () => {
  it('does not ask for role grants, which only administrators may read', async () => {
    const current = signal(user(['Organization.People.Read'], ['HR']));
    TestBed.configureTestingModule({
      imports: [PeoplePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: current, permissions: () => current().permissions } },
      ],
    });
    await useLanguage('en');
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PeoplePage);
    await fixture.whenStable();
    backend.expectOne('/api/organization/departments').flush([]);
    backend.expectOne((r) => r.url === '/api/organization/people').flush({ items: [person(1)], totalCount: 1 });
    await fixture.whenStable();
    backend.expectNone((r) => r.url === '/api/organization/role-grants');
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('tr[data-testid="person-row"]').length).toBe(1);
  });
});
