import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthService } from './core/auth/auth.service';
import { PERMISSIONS } from './core/nav/nav-items';
import { APPROVALS_ROUTES } from './features/approvals/approvals.routes';
import { ORGANIZATION_ROUTES } from './features/organization/organization.routes';
import { PAYMENTS_ROUTES } from './features/payments/payments.routes';
import { provideTestTranslations, text, useLanguage, user } from '../testing/test-helpers';

/** The reference lists have no page of their own: each route hands the shared table its config as route data. */
describe('reference list routes', () => {
  it.each([
    ['/organization/grades', 'grades-table', '职级', '/api/organization/grades'],
    ['/organization/cost-centres', 'cost-centres-table', '成本中心', '/api/organization/cost-centres'],
    ['/organization/legal-entities', 'legal-entities-table', '法人主体', '/api/organization/legal-entities'],
    ['/organization/delegations', 'delegations-table', '委托代理', '/api/organization/delegations'],
    ['/approvals/flows', 'flows-table', '审批流程', '/api/approvals/flows'],
    ['/payments/templates', 'templates-table', '银行模板', '/api/payments/templates'],
  ])('%s shows its table, title and list', async (url, table, title, api) => {
    const signedIn = user(Object.values(PERMISSIONS), ['Admin']);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'organization', children: ORGANIZATION_ROUTES },
            { path: 'approvals', children: APPROVALS_ROUTES },
            { path: 'payments', children: PAYMENTS_ROUTES },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: { ensureLoaded: async () => signedIn, currentUser: () => signedIn, permissions: () => signedIn.permissions } },
      ],
    });
    await useLanguage('zh-CN');
    const harness = await RouterTestingHarness.create(url);
    TestBed.inject(HttpTestingController).expectOne(api).flush([]);
    await harness.fixture.whenStable();
    const el = harness.routeNativeElement!;
    expect(el.querySelector(`[data-testid=${table}]`)).not.toBeNull();
    expect(text(el, 'h1')).toBe(title);
    TestBed.inject(HttpTestingController).verify();
  });
});
