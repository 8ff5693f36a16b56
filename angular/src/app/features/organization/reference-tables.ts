import { ReferenceTableConfig } from '../../shared/reference-table';
import { CostCentresApi } from './data/cost-centres.api';
import { DelegationsApi } from './data/delegations.api';
import { GradesApi } from './data/grades.api';
import { LegalEntitiesApi } from './data/legal-entities.api';
import { CostCentre, Delegation, Grade, LegalEntity } from './data/organization.models';

/** 成本中心: the code is in the URL, so it is fixed once created. */
export const COST_CENTRES: ReferenceTableConfig<CostCentre> = {
  i18n: 'costCentres',
  api: CostCentresApi,
  key: 'code',
  testIds: { table: 'cost-centres-table', row: 'cost-centre' },
  columns: [
    { key: 'code', style: 'mono' },
    { key: 'name' },
    { key: 'isActive', label: 'people.status', translated: true, value: (c) => (c.isActive ? 'people.active' : 'people.inactive') },
  ],
  form: {
    initial: { isActive: true },
    fields: [
      { key: 'code', type: 'text', required: true, maxLength: 32, lockedOnEdit: true },
      { key: 'name', type: 'text', required: true, maxLength: 100 },
      { key: 'isActive', label: 'people.active', type: 'checkbox' },
    ],
  },
};

/** 职级: listed by rank, the order the expense policy reads them in. */
export const GRADES: ReferenceTableConfig<Grade> = {
  i18n: 'grades',
  api: GradesApi,
  key: 'code',
  sort: (a, b) => a.rank - b.rank,
  testIds: { table: 'grades-table', row: 'grade' },
  columns: [{ key: 'code', style: 'mono' }, { key: 'name' }, { key: 'rank' }],
  form: {
    initial: { rank: 1 },
    fields: [
      { key: 'code', type: 'text', required: true, maxLength: 16, lockedOnEdit: true },
      { key: 'name', type: 'text', required: true, maxLength: 100 },
      { key: 'rank', type: 'number', required: true },
    ],
  },
};

/** 法人主体: the companies that pay; their bank account is the payer's on bank files. */
export const LEGAL_ENTITIES: ReferenceTableConfig<LegalEntity> = {
  i18n: 'legalEntities',
  api: LegalEntitiesApi,
  key: 'id',
  testIds: { table: 'legal-entities-table', row: 'legal-entity' },
  columns: [{ key: 'name' }, { key: 'taxId', style: 'mono' }, { key: 'address' }, { key: 'bankName' }],
  form: {
    width: '560px',
    fields: [
      { key: 'name', type: 'text', required: true, maxLength: 200 },
      // The check character is validated by the server; its ProblemDetails message shows under this field.
      { key: 'taxId', type: 'text', required: true, maxLength: 18, hint: 'legalEntities.taxIdHint' },
      { key: 'address', type: 'text' },
      { key: 'phone', type: 'text' },
      { key: 'bankName', type: 'text' },
      { key: 'bankAccountNumber', type: 'text' },
    ],
  },
};

/** 代理 set by an administrator for anyone: created and deleted, never edited (a changed one is a new one). */
export const DELEGATIONS: ReferenceTableConfig<Delegation> = {
  i18n: 'delegations',
  api: DelegationsApi,
  key: 'id',
  explain: true,
  testIds: { table: 'delegations-table', row: 'delegation' },
  columns: [
    { key: 'from', value: (d) => d.fromName },
    { key: 'to', value: (d) => d.toName },
    { key: 'period', value: (d) => `${d.startDate} – ${d.endDate}` },
    { key: 'reason' },
  ],
  form: {
    editable: false,
    width: '560px',
    fields: [
      { key: 'fromPersonId', label: 'delegations.from', type: 'person', required: true },
      { key: 'toPersonId', label: 'delegations.to', type: 'person', required: true },
      { key: 'startDate', type: 'date', required: true },
      { key: 'endDate', type: 'date', required: true },
      { key: 'reason', type: 'textarea', maxLength: 500 },
    ],
  },
  remove: (d) => ({ from: d.fromName, to: d.toName }),
};
