import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CurrentUser } from '../api/models';
import { AuthService } from '../auth/auth.service';
import { Shell } from '../layout/shell';
import { provideTestTranslations, useLanguage, user } from '../../../testing/test-helpers';
import { NAV_ITEMS, homeLink, visibleNavItems } from './nav-items';

const ids = (permissions: string[], personId: string | null = 'p-1') =>
  visibleNavItems(NAV_ITEMS, { permissions, personId }).map((i) => i.id);

describe('permission-based navigation', () => {
  it('shows an employee without organization permissions only their profile and help', () => {
    expect(ids([])).toEqual(['profile', 'help']);
    expect(homeLink(NAV_ITEMS, { permissions: [], personId: 'p-1' })).toBe('/profile');
  });

  it('shows the expenses pages to an employee allowed to submit claims', () => {
    expect(ids(['Expenses.Submit'])).toEqual(['profile', 'new-claim', 'my-claims', 'help']);
    expect(ids(['Expenses.ManagePolicy'])).not.toContain('my-claims');
  });

  it('offers no profile to an account that is not a person', () => {
    expect(ids([], null)).toEqual(['help']);
    expect(homeLink(NAV_ITEMS, { permissions: [], personId: null })).toBe('/help');
  });

  it('shows people, but no admin pages, to a reader of people', () => {
    expect(ids(['Organization.People.Read'])).toEqual(['profile', 'people', 'help']);
  });

  it('shows every organization page to an administrator, and the jobs dashboard only with its permission', () => {
    const admin = ids(['Organization.Manage']);
    expect(admin).toEqual(['profile', 'people', 'role-grants', 'departments', 'legal-entities', 'grades', 'cost-centres', 'delegations', 'people-import', 'help']);
    expect(admin).not.toContain('jobs');
    expect(ids(['Organization.Manage', 'Jobs.Dashboard'])).toContain('jobs');
  });

  it('shows the approval inbox and out of office to deciders, and the flows only to flow administrators', () => {
    expect(ids(['Approvals.Decide'])).toEqual(['profile', 'approvals-inbox', 'approvals-delegations', 'help']);
    expect(ids(['Approvals.Decide'], null)).not.toContain('approvals-delegations');
    expect(ids(['Approvals.ManageFlows'])).toEqual(['profile', 'approvals-flows', 'help']);
  });

  it('shows the payments pages, in their own section, only to finance users who manage payments', () => {
    expect(ids(['Payments.Manage', 'Payments.Release'])).toEqual(['profile', 'payments-payables', 'payments-batches', 'payments-statements', 'payments-reconciliation', 'payments-templates', 'payments-accounting', 'help']);
    expect(ids(['Payments.Release'])).toEqual(['profile', 'help']);
    expect(ids(['Payments.Manage', 'Organization.BankAccounts.Decide'])).toContain('payments-account-changes');
    expect(homeLink(NAV_ITEMS, { permissions: ['Payments.Manage'], personId: null })).toBe('/payments/payables');
    expect(NAV_ITEMS.filter((i) => i.id.startsWith('payments-')).every((i) => i.section === 'payments')).toBe(true);
  });

  it('shows the insights pages, in their own section, to management and administrators', () => {
    const insights = ['insights-dashboard', 'insights-breakpoints', 'insights-roi', 'insights-baselines'];
    expect(ids(['Insights.View', 'Insights.EnterSurvey'])).toEqual(['profile', ...insights, 'help']);
    expect(ids(['Insights.EnterSurvey'])).toEqual(['profile', 'help']);
    expect(homeLink(NAV_ITEMS, { permissions: ['Insights.View'], personId: null })).toBe('/insights');
    expect(NAV_ITEMS.filter((i) => i.id.startsWith('insights-')).every((i) => i.section === 'insights')).toBe(true);
  });

  it('never makes an external link the home page', () => {
    expect(homeLink(NAV_ITEMS, { permissions: ['Jobs.Dashboard'], personId: null })).toBe('/help');
  });
});

describe('Shell navigation', () => {
  async function render(current: CurrentUser): Promise<HTMLElement> {
    const currentUser = signal<CurrentUser | null>(current);
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        {
          provide: AuthService,
          useValue: {
            currentUser,
            permissions: () => currentUser()?.permissions ?? [],
            logout: vi.fn(),
          },
        },
      ],
    });
    await useLanguage('en');
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('renders the people link with its test id for an administrator', async () => {
    const el = await render(user(['Organization.Manage'], ['Admin']));
    const people = el.querySelector('[data-testid="nav-people"]');
    expect(people?.textContent).toContain('People');
    expect(people?.getAttribute('href')).toBe('/organization/people');
    expect(el.querySelector('[data-testid="nav-departments"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="lang-switch"]')).not.toBeNull();
  });

  it('hides admin pages from an employee', async () => {
    const el = await render(user([], ['Employee']));
    expect(el.querySelector('[data-testid="nav-people"]')).toBeNull();
    expect(el.querySelector('[data-testid="nav-departments"]')).toBeNull();
    expect(el.querySelector('[data-testid="nav-help"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="nav-my-claims"]')).toBeNull();
  });

  it('links the approval pages under their own section', async () => {
    const el = await render(user(['Approvals.Decide', 'Approvals.ManageFlows'], ['Approver', 'Admin']));
    expect(el.querySelector('[data-testid="nav-approvals-inbox"]')?.getAttribute('href')).toBe('/approvals/inbox');
    expect(el.querySelector('[data-testid="nav-approvals-delegations"]')?.textContent).toContain('Out of office');
    expect(el.querySelector('[data-testid="nav-approvals-flows"]')?.getAttribute('href')).toBe('/approvals/flows');
    expect(el.textContent).toContain('Approvals');
  });

  it('links the expenses pages for an employee who may submit claims', async () => {
    const el = await render(user(['Expenses.Submit'], ['Employee']));
    expect(el.querySelector('[data-testid="nav-new-claim"]')?.getAttribute('href')).toBe('/expenses/claims/new');
    expect(el.querySelector('[data-testid="nav-my-claims"]')?.textContent).toContain('My claims');
  });
});
