import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { BankTemplatesApi } from './data/bank-templates.api';
import { BankTemplateDto } from './data/bank-templates.models';
import { ReferenceTable, ReferenceTableConfig, lastChange } from '../../shared/reference-table';

/** 银行模板: the banks' batch-payment layouts Finance keeps; each active one adds a CSV and an Excel download to every batch. */
@Component({
  selector: 'app-bank-templates-page',
  imports: [ReferenceTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-reference-table [config]="config" />`,
})
export class BankTemplatesPage {
  private readonly api = inject(BankTemplatesApi);

  protected readonly config: ReferenceTableConfig<BankTemplateDto> = {
    title: 'payments.templates.title',
    newLabel: 'payments.templates.new',
    explain: 'payments.templates.explain',
    testId: 'templates-table',
    rowTestId: 'template-row',
    actionTestId: 'template',
    key: (t) => t.code,
    list: () => this.api.list(),
    columns: [
      { key: 'code', label: 'payments.templates.code', style: 'mono', link: (t) => ['/payments/templates', t.code] },
      { key: 'name', label: 'payments.templates.name' },
      { key: 'bankName', label: 'payments.templates.bankName', value: (t) => t.profile.bankName },
      { key: 'columns', label: 'payments.templates.columns', style: 'num', value: (t) => t.profile.columns.length },
      { key: 'formats', label: 'payments.templates.formats', style: 'mono', value: (t) => t.formats.join(', ') },
      { key: 'isActive', label: 'payments.templates.state', value: (t) => (t.isActive ? 'payments.templates.on' : 'payments.templates.off'), tagOn: (t) => t.isActive },
      { key: 'updated', label: 'payments.templates.updated', style: 'muted', value: lastChange },
    ],
    pages: { create: '/payments/templates/new', edit: (t) => ['/payments/templates', t.code] },
    toggle: {
      isActive: (t) => t.isActive,
      activate: (t) => this.api.activate(t.code),
      deactivate: (t) => this.api.deactivate(t.code),
      texts: {
        activate: 'payments.templates.activate',
        deactivate: 'payments.templates.deactivate',
        activated: 'payments.templates.activated',
        deactivated: 'payments.templates.deactivated',
      },
    },
  };
}
