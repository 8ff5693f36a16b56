import { ReferenceTableConfig, lastChange } from '../../shared/reference-table';
import { BankTemplatesApi } from './data/bank-templates.api';
import { BankTemplateDto } from './data/bank-templates.models';

/** 银行模板: the banks' batch-payment layouts Finance keeps; each active one adds a CSV and an Excel download to every batch. */
export const BANK_TEMPLATES: ReferenceTableConfig<BankTemplateDto> = {
  i18n: 'payments.templates',
  api: BankTemplatesApi,
  key: 'code',
  explain: true,
  testIds: { table: 'templates-table', row: 'template' },
  columns: [
    { key: 'code', style: 'mono', link: (t) => ['/payments/templates', t.code] },
    { key: 'name' },
    { key: 'bankName', value: (t) => t.profile.bankName },
    { key: 'columns', style: 'num', value: (t) => t.profile.columns.length },
    { key: 'formats', style: 'mono', value: (t) => t.formats.join(', ') },
    { key: 'state', state: true },
    { key: 'updated', style: 'muted', value: lastChange },
  ],
  pages: { create: '/payments/templates/new', edit: (t) => ['/payments/templates', t.code] },
  toggle: {},
};
