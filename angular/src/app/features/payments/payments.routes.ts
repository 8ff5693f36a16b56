import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { BANK_TEMPLATES } from './bank-templates-table';

export const PAYMENTS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'payables' },
  { path: 'payables', title: 'nav.paymentsPayables', loadComponent: () => import('./payables.page').then((m) => m.PayablesPage) },
  { path: 'batches', title: 'nav.paymentsBatches', loadComponent: () => import('./batches-list.page').then((m) => m.BatchesListPage) },
  { path: 'batches/:id', title: 'payments.batch.title', loadComponent: () => import('./batch-detail.page').then((m) => m.BatchDetailPage) },
  { path: 'statements', title: 'nav.paymentsStatements', loadComponent: () => import('./statements.page').then((m) => m.StatementsPage) },
  { path: 'reconciliation', title: 'nav.paymentsReconciliation', loadComponent: () => import('./reconciliation.page').then((m) => m.ReconciliationPage) },
  { path: 'templates', title: 'nav.paymentsTemplates', loadComponent: () => import('../../shared/reference-table').then((m) => m.ReferenceTable), data: { config: BANK_TEMPLATES } },
  { path: 'templates/new', title: 'payments.templates.newTitle', loadComponent: () => import('./bank-template-editor.page').then((m) => m.BankTemplateEditorPage) },
  { path: 'templates/:code', title: 'payments.templates.editTitle', loadComponent: () => import('./bank-template-editor.page').then((m) => m.BankTemplateEditorPage) },
  {
    path: 'account-changes', title: 'nav.paymentsAccountChanges', canActivate: [permissionGuard(PERMISSIONS.bankAccountChangesDecide)],
    loadComponent: () => import('./account-changes.page').then((m) => m.AccountChangesPage),
  },
  { path: 'accounting', title: 'nav.paymentsAccounting', loadComponent: () => import('./accounting-mapping.page').then((m) => m.AccountingMappingPage) },
];
