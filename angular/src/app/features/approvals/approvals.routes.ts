import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { FLOWS } from './flows-table';

const decide = permissionGuard(PERMISSIONS.approvalsDecide);
const manageFlows = permissionGuard(PERMISSIONS.approvalsManageFlows);

export const APPROVALS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'inbox' },
  { path: 'inbox', title: 'nav.approvalsInbox', canActivate: [decide], loadComponent: () => import('./inbox.page').then((m) => m.InboxPage) },
  // Flow administrators may open any claim's approval, so the review page needs either permission.
  { path: 'claims/:claimId', title: 'approvals.review.title', loadComponent: () => import('./review.page').then((m) => m.ReviewPage) },
  { path: 'delegations', title: 'nav.outOfOffice', canActivate: [decide], loadComponent: () => import('./out-of-office.page').then((m) => m.OutOfOfficePage) },
  { path: 'flows', title: 'nav.approvalFlows', canActivate: [manageFlows], loadComponent: () => import('../../shared/reference-table').then((m) => m.ReferenceTable), data: { config: FLOWS } },
  { path: 'flows/new', title: 'approvals.editor.newTitle', canActivate: [manageFlows], loadComponent: () => import('./flow-editor.page').then((m) => m.FlowEditorPage) },
  { path: 'flows/:id', title: 'approvals.editor.editTitle', canActivate: [manageFlows], loadComponent: () => import('./flow-editor.page').then((m) => m.FlowEditorPage) },
];
