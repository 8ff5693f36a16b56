import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LegalEntitiesApi } from '../data/legal-entities.api';
import { LegalEntity, LegalEntityInput } from '../data/organization.models';
import { ReferenceTable, ReferenceTableConfig } from '../../../shared/reference-table';

@Component({
  selector: 'app-legal-entities-page',
  imports: [ReferenceTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-reference-table [config]="config" />`,
})
export class LegalEntitiesPage {
  private readonly api = inject(LegalEntitiesApi);

  protected readonly config: ReferenceTableConfig<LegalEntity> = {
    title: 'legalEntities.title',
    newLabel: 'legalEntities.new',
    testId: 'legal-entities-table',
    key: (e) => e.id,
    list: () => this.api.list(),
    columns: [
      { key: 'name', label: 'legalEntities.name' },
      { key: 'taxId', label: 'legalEntities.taxId', style: 'mono' },
      { key: 'address', label: 'legalEntities.address' },
      { key: 'bankName', label: 'legalEntities.bankName' },
    ],
    dialogWidth: '560px',
    form: (entity) => ({
      title: entity ? 'legalEntities.edit' : 'legalEntities.new',
      editing: !!entity,
      value: entity ?? {},
      fields: [
        { key: 'name', label: 'legalEntities.name', type: 'text', required: true, maxLength: 200 },
        // The check character is validated by the server; its ProblemDetails message shows under this field.
        { key: 'taxId', label: 'legalEntities.taxId', type: 'text', required: true, maxLength: 18, hint: 'legalEntities.taxIdHint' },
        { key: 'address', label: 'legalEntities.address', type: 'text' },
        { key: 'phone', label: 'legalEntities.phone', type: 'text' },
        { key: 'bankName', label: 'legalEntities.bankName', type: 'text' },
        { key: 'bankAccountNumber', label: 'legalEntities.bankAccountNumber', type: 'text' },
      ],
      save: (v: LegalEntityInput) => (entity ? this.api.update(entity.id, v) : this.api.create(v)),
    }),
  };
}
