import { ReferenceTableConfig, lastChange } from '../../shared/reference-table';
import { ApprovalFlowsApi } from './data/approval-flows.api';
import { FlowSummaryDto } from './data/approvals.models';

/** The approval flows, in the order the server tries them (by priority; the default flow last); edited on their own page. */
export const FLOWS: ReferenceTableConfig<FlowSummaryDto> = {
  i18n: 'approvals.flows',
  api: ApprovalFlowsApi,
  key: 'id',
  code: 'code',
  explain: true,
  testIds: { table: 'flows-table', row: 'flow' },
  columns: [
    { key: 'priority' },
    { key: 'code', style: 'mono', link: (f) => ['/approvals/flows', f.id] },
    { key: 'name' },
    { key: 'default', icon: true, value: (f) => (f.isDefault ? 'star' : null) },
    { key: 'active', state: true },
    { key: 'version', value: (f) => `v${f.version}` },
    { key: 'updated', style: 'muted', value: lastChange },
  ],
  pages: { create: '/approvals/flows/new', edit: (f) => ['/approvals/flows', f.id] },
  // The default flow takes every claim no other flow takes: it cannot be switched off.
  toggle: { canDeactivate: (f) => !f.isDefault },
};
