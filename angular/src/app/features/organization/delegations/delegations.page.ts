import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DelegationsApi } from '../data/delegations.api';
import { Delegation, DelegationInput } from '../data/organization.models';
import { ReferenceTable, ReferenceTableConfig } from '../../../shared/reference-table';

/** Delegations are created and deleted, never edited (a changed one is a new one). */
@Component({
  selector: 'app-delegations-page',
  imports: [ReferenceTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-reference-table [config]="config" />`,
})
export class DelegationsPage {
  private readonly api = inject(DelegationsApi);

  protected readonly config: ReferenceTableConfig<Delegation> = {
    title: 'delegations.title',
    newLabel: 'delegations.new',
    explain: 'delegations.explain',
    testId: 'delegations-table',
    key: (d) => d.id,
    list: () => this.api.list(),
    columns: [
      { key: 'from', label: 'delegations.from', value: (d) => d.fromName },
      { key: 'to', label: 'delegations.to', value: (d) => d.toName },
      { key: 'period', label: 'delegations.period', value: (d) => `${d.startDate} – ${d.endDate}` },
      { key: 'reason', label: 'delegations.reason' },
    ],
    canEdit: false,
    dialogWidth: '560px',
    form: () => ({
      title: 'delegations.new',
      editing: false,
      fields: [
        { key: 'fromPersonId', label: 'delegations.from', type: 'person', required: true },
        { key: 'toPersonId', label: 'delegations.to', type: 'person', required: true },
        { key: 'startDate', label: 'delegations.startDate', type: 'date', required: true },
        { key: 'endDate', label: 'delegations.endDate', type: 'date', required: true },
        { key: 'reason', label: 'delegations.reason', type: 'textarea', maxLength: 500 },
      ],
      save: (v: DelegationInput) => this.api.create(v),
    }),
    remove: {
      question: 'delegations.confirmDelete',
      params: (d) => ({ from: d.fromName, to: d.toName }),
      run: (d) => this.api.delete(d.id),
    },
  };
}
