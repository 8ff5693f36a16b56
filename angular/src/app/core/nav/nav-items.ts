/**
 * The navigation, one entry per page. A new module adds its entries here (and its lazy route in app.routes.ts);
 * an entry shows only to users holding one of its permissions (none listed = everyone signed in).
 */
export interface NavItem {
  id: string;
  /** Translation key of the label. */
  label: string;
  /** Material Symbols ligature. */
  icon: string;
  /** Router link, or with `external` a full-page link served by the host (e.g. the jobs dashboard). */
  link: string;
  external?: boolean;
  /** Active only on exactly this address (e.g. "My claims" must not light up on /expenses/claims/new). */
  exact?: boolean;
  section: 'main' | 'expenses' | 'approvals' | 'payments' | 'insights' | 'organization' | 'system';
  anyPermission?: string[];
  /** Only for users who are a person in the directory (not a bare technical account). */
  needsPerson?: boolean;
}

export interface NavUser {
  permissions: readonly string[];
  personId?: string | null;
}

export const PERMISSIONS = {
  organizationManage: 'Organization.Manage',
  peopleRead: 'Organization.People.Read',
  bankAccountsReadFull: 'Organization.BankAccounts.ReadFull',
  bankAccountChangesDecide: 'Organization.BankAccounts.Decide',
  jobsDashboard: 'Jobs.Dashboard',
  expensesSubmit: 'Expenses.Submit',
  expensesManagePolicy: 'Expenses.ManagePolicy',
  approvalsDecide: 'Approvals.Decide',
  approvalsManageFlows: 'Approvals.ManageFlows',
  paymentsManage: 'Payments.Manage',
  paymentsRelease: 'Payments.Release',
  insightsView: 'Insights.View',
  insightsEnterSurvey: 'Insights.EnterSurvey',
  insightsManageBaseline: 'Insights.ManageBaseline',
} as const;

const manage = [PERMISSIONS.organizationManage];
const payments = [PERMISSIONS.paymentsManage];
const insights = [PERMISSIONS.insightsView];

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'profile', label: 'nav.profile', icon: 'badge', link: '/profile', section: 'main', needsPerson: true },
  { id: 'new-claim', label: 'nav.newClaim', icon: 'note_add', link: '/expenses/claims/new', section: 'expenses', anyPermission: [PERMISSIONS.expensesSubmit] },
  { id: 'my-claims', label: 'nav.myClaims', icon: 'receipt_long', link: '/expenses/claims', exact: true, section: 'expenses', anyPermission: [PERMISSIONS.expensesSubmit] },
  { id: 'expenses-policy', label: 'nav.expensesPolicy', icon: 'policy', link: '/expenses/policy', section: 'expenses', anyPermission: [PERMISSIONS.expensesManagePolicy] },
  { id: 'approvals-inbox', label: 'nav.approvalsInbox', icon: 'inbox', link: '/approvals/inbox', section: 'approvals', anyPermission: [PERMISSIONS.approvalsDecide] },
  { id: 'approvals-delegations', label: 'nav.outOfOffice', icon: 'beach_access', link: '/approvals/delegations', section: 'approvals', anyPermission: [PERMISSIONS.approvalsDecide], needsPerson: true },
  { id: 'approvals-flows', label: 'nav.approvalFlows', icon: 'alt_route', link: '/approvals/flows', section: 'approvals', anyPermission: [PERMISSIONS.approvalsManageFlows] },
  { id: 'payments-payables', label: 'nav.paymentsPayables', icon: 'request_quote', link: '/payments/payables', section: 'payments', anyPermission: payments },
  { id: 'payments-batches', label: 'nav.paymentsBatches', icon: 'account_balance', link: '/payments/batches', section: 'payments', anyPermission: payments },
  { id: 'payments-statements', label: 'nav.paymentsStatements', icon: 'upload_file', link: '/payments/statements', section: 'payments', anyPermission: payments },
  { id: 'payments-reconciliation', label: 'nav.paymentsReconciliation', icon: 'rule', link: '/payments/reconciliation', section: 'payments', anyPermission: payments },
  { id: 'payments-templates', label: 'nav.paymentsTemplates', icon: 'table_view', link: '/payments/templates', section: 'payments', anyPermission: payments },
  { id: 'payments-account-changes', label: 'nav.paymentsAccountChanges', icon: 'manage_accounts', link: '/payments/account-changes', section: 'payments', anyPermission: [PERMISSIONS.bankAccountChangesDecide] },
  { id: 'payments-accounting', label: 'nav.paymentsAccounting', icon: 'account_tree', link: '/payments/accounting', section: 'payments', anyPermission: payments },
  { id: 'insights-dashboard', label: 'nav.insightsDashboard', icon: 'monitoring', link: '/insights', exact: true, section: 'insights', anyPermission: insights },
  { id: 'insights-breakpoints', label: 'nav.insightsBreakpoints', icon: 'hourglass_bottom', link: '/insights/breakpoints', section: 'insights', anyPermission: insights },
  { id: 'insights-roi', label: 'nav.insightsRoi', icon: 'savings', link: '/insights/roi', section: 'insights', anyPermission: insights },
  { id: 'insights-baselines', label: 'nav.insightsBaselines', icon: 'history', link: '/insights/baselines', section: 'insights', anyPermission: insights },
  { id: 'people', label: 'nav.people', icon: 'group', link: '/organization/people', section: 'organization', anyPermission: [PERMISSIONS.peopleRead, PERMISSIONS.organizationManage] },
  { id: 'role-grants', label: 'nav.roleGrants', icon: 'admin_panel_settings', link: '/organization/role-grants', section: 'organization', anyPermission: manage },
  { id: 'departments', label: 'nav.departments', icon: 'account_tree', link: '/organization/departments', section: 'organization', anyPermission: manage },
  { id: 'legal-entities', label: 'nav.legalEntities', icon: 'domain', link: '/organization/legal-entities', section: 'organization', anyPermission: manage },
  { id: 'grades', label: 'nav.grades', icon: 'military_tech', link: '/organization/grades', section: 'organization', anyPermission: manage },
  { id: 'cost-centres', label: 'nav.costCentres', icon: 'payments', link: '/organization/cost-centres', section: 'organization', anyPermission: manage },
  { id: 'delegations', label: 'nav.delegations', icon: 'swap_horiz', link: '/organization/delegations', section: 'organization', anyPermission: manage },
  { id: 'people-import', label: 'nav.peopleImport', icon: 'upload_file', link: '/organization/import', section: 'organization', anyPermission: manage },
  { id: 'jobs', label: 'nav.jobs', icon: 'schedule', link: '/jobs', external: true, section: 'system', anyPermission: [PERMISSIONS.jobsDashboard] },
  { id: 'help', label: 'nav.help', icon: 'help', link: '/help', section: 'system' },
];

export const NAV_SECTIONS: readonly NavItem['section'][] = ['main', 'expenses', 'approvals', 'payments', 'insights', 'organization', 'system'];

export function visibleNavItems(items: readonly NavItem[], user: NavUser): NavItem[] {
  return items.filter(
    (i) =>
      (!i.needsPerson || !!user.personId) &&
      (!i.anyPermission?.length || i.anyPermission.some((p) => user.permissions.includes(p))),
  );
}

/** Where "/" leads: the first page the user may open that lives inside the portal. */
export function homeLink(items: readonly NavItem[], user: NavUser): string {
  return visibleNavItems(items, user).find((i) => !i.external)?.link ?? '/help';
}
