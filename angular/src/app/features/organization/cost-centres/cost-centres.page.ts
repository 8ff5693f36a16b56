import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { CostCentresApi } from '../data/cost-centres.api';
import { CostCentre } from '../data/organization.models';
import { ReferenceTable, ReferenceTableConfig } from '../../../shared/reference-table';

@Component({
  selector: 'app-cost-centres-page',
  imports: [ReferenceTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-reference-table [config]="config" />`,
})
export class CostCentresPage {
  private readonly api = inject(CostCentresApi);

  protected readonly config: ReferenceTableConfig<CostCentre> = {
    title: 'costCentres.title',
    newLabel: 'costCentres.new',
    testId: 'cost-centres-table',
    key: (c) => c.code,
    list: () => this.api.list(),
    columns: [
      { key: 'code', label: 'costCentres.code', style: 'mono' },
      { key: 'name', label: 'costCentres.name' },
      { key: 'isActive', label: 'people.status', translated: true, value: (c) => (c.isActive ? 'people.active' : 'people.inactive') },
    ],
    form: (costCentre) => ({
      title: costCentre ? 'costCentres.edit' : 'costCentres.new',
      editing: !!costCentre,
      value: costCentre ?? { isActive: true },
      fields: [
        { key: 'code', label: 'costCentres.code', type: 'text', required: true, maxLength: 32, lockedOnEdit: true },
        { key: 'name', label: 'costCentres.name', type: 'text', required: true, maxLength: 100 },
        { key: 'isActive', label: 'people.active', type: 'checkbox' },
      ],
      save: (v: CostCentre) => (costCentre ? this.api.update(costCentre.code, { ...v, code: costCentre.code }) : this.api.create(v)),
    }),
  };
}
