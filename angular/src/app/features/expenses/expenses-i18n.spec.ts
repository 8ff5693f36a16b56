import { AIR_CABINS, CLAIM_STATUSES, DOCUMENT_KINDS, INVOICE_FIELD_NAMES, POLICY_SEVERITIES } from './data/expenses.models';
import { HELP_SECTIONS } from '../help/help.page';
import { SEVERITY_FIELDS } from './policy.page';

import { missingKeys, unmatchedKeys } from '../../shared/testing/i18n-tree';

describe('Expenses texts', () => {
  it('exist in both languages', async () => {
    expect(await unmatchedKeys(['expenses', 'help'])).toEqual([]);
  });

  it('cover every status, invoice field, recognition state and severity the pages build keys for', async () => {
    const built = [
      ...CLAIM_STATUSES.map((s) => `expenses.status.${s}`),
      ...INVOICE_FIELD_NAMES.map((f) => `expenses.invoice.${f}`),
      ...['Pending', 'Running', 'Succeeded', 'Failed'].map((s) => `expenses.recognition.${s}`),
      ...DOCUMENT_KINDS.map((k) => `expenses.documentKind.${k}`),
      'expenses.severity.Warn', 'expenses.severity.Block', 'nav.newClaim', 'nav.myClaims', 'nav.section.expenses',
    ];
    expect(await missingKeys(built)).toEqual([]);
  });

  it('cover the tickets, trip and travel policy texts the pages build keys for', async () => {
    const built = [
      ...POLICY_SEVERITIES.map((s) => `expenses.policy.severity.${s}`),
      ...SEVERITY_FIELDS.map((f) => `expenses.policy.${f}`),
      ...AIR_CABINS.map((c) => `expenses.policy.cabin.${c}`),
      ...['tripIncomplete', 'tripOrder', 'tripTooLong', 'travellersInvalid', 'title', 'start', 'end', 'travellers'].map((k) => `expenses.trip.${k}`),
      ...['km', 'nights', 'room'].map((k) => `expenses.travel.${k}`),
      'expenses.line.documentOf', 'expenses.recognition.documents', 'nav.expensesPolicy', 'expenses.policy.classInvalid',
      ...HELP_SECTIONS.flatMap((s) => [`help.${s}.title`, `help.${s}.body`]),
    ];
    expect(HELP_SECTIONS).toContain('expensesTickets');
    expect(await missingKeys(built)).toEqual([]);
  });
});
