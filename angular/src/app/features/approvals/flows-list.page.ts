import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ApprovalFlowsApi } from './data/approval-flows.api';
import { FlowSummaryDto } from './data/approvals.models';
import { ReferenceTable, ReferenceTableConfig, lastChange } from '../../shared/reference-table';

/** The approval flows, in the order the server tries them (by priority; the default flow last). */
@Component({
  selector: 'app-flows-list-page',
  imports: [ReferenceTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-reference-table [config]="config" />`,
})
export class FlowsListPage {
  private readonly api = inject(ApprovalFlowsApi);

  protected readonly config: ReferenceTableConfig<FlowSummaryDto> = {
    title: 'approvals.flows.title',
    newLabel: 'approvals.flows.new',
    explain: 'approvals.flows.explain',
    testId: 'flows-table',
    rowTestId: 'flow-row',
    actionTestId: 'flow',
    key: (f) => f.code,
    list: () => this.api.list(),
    columns: [
      { key: 'priority', label: 'approvals.flows.priority' },
      { key: 'code', label: 'approvals.flows.code', style: 'mono', link: (f) => ['/approvals/flows', f.id] },
      { key: 'name', label: 'approvals.flows.name' },
      { key: 'isDefault', label: 'approvals.flows.default', icon: true, value: (f) => (f.isDefault ? 'star' : null) },
      { key: 'isActive', label: 'approvals.flows.active', value: (f) => (f.isActive ? 'approvals.flows.on' : 'approvals.flows.off'), tagOn: (f) => f.isActive },
      { key: 'version', label: 'approvals.flows.version', value: (f) => `v${f.version}` },
      { key: 'updated', label: 'approvals.flows.updated', style: 'muted', value: lastChange },
    ],
    pages: { create: '/approvals/flows/new', edit: (f) => ['/approvals/flows', f.id] },
    toggle: {
      isActive: (f) => f.isActive,
      // The default flow catches every claim no other flow takes: it cannot be switched off.
      canDeactivate: (f) => !f.isDefault,
      activate: (f) => this.api.activate(f.id),
      deactivate: (f) => this.api.deactivate(f.id),
      texts: {
        activate: 'approvals.flows.activate',
        deactivate: 'approvals.flows.deactivate',
        activated: 'approvals.flows.activated',
        deactivated: 'approvals.flows.deactivated',
      },
    },
  };
}
