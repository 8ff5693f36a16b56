import { TEMPLATE_DELIMITERS, TEMPLATE_ENCODINGS, TEMPLATE_FIELDS } from './data/bank-templates.models';
import { BATCH_LINE_STATUSES, BATCH_STATUSES, ENTRY_MATCHES, HOLD_REASONS, PAYABLE_STATUSES, STATEMENT_FORMATS } from './data/payments.models';
import { NAV_ITEMS } from '../../core/nav/nav-items';
import { JOURNAL_BUTTONS, fileButtons } from './payments-logic';

import { Tree, lookup, missingKeys, translations, unmatchedKeys } from '../../shared/testing/i18n-tree';

describe('Payments texts', () => {
  let en: Tree;
  let zh: Tree;

  beforeAll(async () => ({ en, zh } = await translations()));

  it('exist in both languages', async () => {
    expect(await unmatchedKeys(['payments', 'nav'])).toEqual([]);
  });

  it('cover every status, hold reason, format, file button, nav entry and help section the pages build keys for', async () => {
    const built = [
      ...PAYABLE_STATUSES.map((s) => `payments.payableStatus.${s}`),
      ...BATCH_STATUSES.map((s) => `payments.batchStatus.${s}`),
      ...BATCH_LINE_STATUSES.map((s) => `payments.lineStatus.${s}`),
      ...ENTRY_MATCHES.map((s) => `payments.matchStatus.${s}`),
      ...HOLD_REASONS.map((s) => `payments.holdReason.${s}`),
      ...STATEMENT_FORMATS.map((s) => `payments.statementFormat.${s}`),
      ...['maker', 'permission', 'noPerson', 'status'].map((r) => `payments.batch.blocked.${r}`),
      ...['needsLegalEntity', 'mixed', 'nothingOpen'].map((r) => `payments.payables.why.${r}`),
      ...['Added', 'Updated', 'MadeDefault'].map((k) => `payments.accountChanges.kind.${k}`),
      ...['Confirmation', 'Period'].map((k) => `payments.accountChanges.awaiting.${k}`),
      ...['Added', 'Updated', 'MadeDefault', 'Removed', 'Confirmed', 'Rejected', 'Withdrawn'].map((t) => `profile.accountNotice.type.${t}`),
      'payments.batch.accountChanged', 'payments.batch.accountConfirmed', 'bank.pending', 'bank.addedPending',
      ...fileButtons([
        { format: 'ccb-csv', kind: 'template', extension: 'csv', templateCode: 'ccb', templateName: '示例' },
        { format: 'ccb-xlsx', kind: 'template', extension: 'xlsx', templateCode: 'ccb', templateName: '示例' },
      ]).map((f) => f.label),
      ...TEMPLATE_FIELDS.map((f) => `payments.templates.fieldName.${f}`),
      ...TEMPLATE_ENCODINGS.map((e) => `payments.templates.encodingName.${e}`),
      ...TEMPLATE_DELIMITERS.map((d) => `payments.templates.delimiterName.${d.key}`),
      ...JOURNAL_BUTTONS.map((f) => f.label),
      ...['defaultExpenseAccount', 'payableAccount', 'bankAccount'].map((f) => `payments.accounting.${f}`),
      ...NAV_ITEMS.filter((i) => i.section === 'payments').map((i) => i.label),
      'nav.section.payments',
      ...['paymentsPayables', 'paymentsBatches', 'paymentsFiles', 'paymentsTemplates', 'paymentsStatements', 'paymentsReconciliation', 'paymentsAccounting'].flatMap((s) => [`help.${s}.title`, `help.${s}.body`]),
    ];
    expect(await missingKeys(built)).toEqual([]);
    expect(lookup(zh, 'payments.batch.release')).toBe('复核发放');
    expect(lookup(zh, 'payments.matchStatus.Returned')).toBe('退票');
    expect(lookup(zh, 'nav.paymentsTemplates')).toBe('银行模板');
    expect(lookup(en, 'nav.paymentsTemplates')).toBe('Bank templates');
  });
});
