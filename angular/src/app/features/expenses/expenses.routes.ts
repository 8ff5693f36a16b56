import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { PERMISSIONS } from '../../core/nav/nav-items';

export const EXPENSES_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'claims' },
  { path: 'claims', title: 'nav.myClaims', loadComponent: () => import('./claims-list.page').then((m) => m.ClaimsListPage) },
  { path: 'claims/new', title: 'nav.newClaim', loadComponent: () => import('./claim-editor.page').then((m) => m.ClaimEditorPage) },
  { path: 'claims/:id/edit', title: 'expenses.editor.editTitle', loadComponent: () => import('./claim-editor.page').then((m) => m.ClaimEditorPage) },
  {
    path: 'policy', title: 'nav.expensesPolicy', canActivate: [permissionGuard(PERMISSIONS.expensesManagePolicy)],
    loadComponent: () => import('./policy.page').then((m) => m.PolicyPage),
  },
  { path: 'claims/:id', title: 'expenses.detail.title', loadComponent: () => import('./claim-detail.page').then((m) => m.ClaimDetailPage) },
];
