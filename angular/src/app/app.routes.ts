import { Routes } from '@angular/router';
import { authGuard, guestGuard, homeRedirectGuard, permissionGuard } from './core/auth/auth.guards';
import { Shell } from './core/layout/shell';
import { PERMISSIONS } from './core/nav/nav-items';

// One lazy route per module.
export const routes: Routes = [
  { path: 'login', title: 'auth.title', canActivate: [guestGuard], loadComponent: () => import('./features/login/login.page').then((m) => m.LoginPage) },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      { path: 'profile', title: 'nav.profile', loadComponent: () => import('./features/profile/profile.page').then((m) => m.ProfilePage) },
      { path: 'help', title: 'nav.help', loadComponent: () => import('./features/help/help.page').then((m) => m.HelpPage) },
      {
        path: 'expenses',
        canActivate: [permissionGuard(PERMISSIONS.expensesSubmit)],
        loadChildren: () => import('./features/expenses/expenses.routes').then((m) => m.EXPENSES_ROUTES),
      },
      {
        path: 'approvals',
        canActivate: [permissionGuard(PERMISSIONS.approvalsDecide, PERMISSIONS.approvalsManageFlows)],
        loadChildren: () => import('./features/approvals/approvals.routes').then((m) => m.APPROVALS_ROUTES),
      },
      {
        path: 'payments',
        canActivate: [permissionGuard(PERMISSIONS.paymentsManage)],
        loadChildren: () => import('./features/payments/payments.routes').then((m) => m.PAYMENTS_ROUTES),
      },
      {
        path: 'insights',
        canActivate: [permissionGuard(PERMISSIONS.insightsView)],
        loadChildren: () => import('./features/insights/insights.routes').then((m) => m.INSIGHTS_ROUTES),
      },
      {
        path: 'organization',
        canActivate: [permissionGuard(PERMISSIONS.organizationManage, PERMISSIONS.peopleRead)],
        loadChildren: () => import('./features/organization/organization.routes').then((m) => m.ORGANIZATION_ROUTES),
      },
      { path: '**', redirectTo: '' },
    ],
  },
];
