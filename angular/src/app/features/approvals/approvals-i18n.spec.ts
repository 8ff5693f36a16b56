import { CONDITION_FIELDS, CONDITION_OPS, APPROVER_TYPES, INBOX_SORTS, INBOX_VIEWS } from './data/approvals.models';
import { KNOWN_NOTES } from './notes';

import { missingKeys, unmatchedKeys } from '../../shared/testing/i18n-tree';

describe('Approvals texts', () => {
  it('exist in both languages', async () => {
    expect(await unmatchedKeys(['approvals'])).toEqual([]);
  });

  it('cover every tab, sort, status, kind, mode, note, field, operator and approver type the pages build keys for', async () => {
    const built = [
      ...INBOX_VIEWS.map((v) => `approvals.inbox.tabs.${v}`),
      ...[...INBOX_SORTS, 'recent'].map((s) => `approvals.inbox.sorts.${s}`),
      ...['Queued', 'Waiting', 'Approved', 'Rejected', 'Returned', 'Skipped', 'Closed', 'Escalated', 'Unread', 'Read'].map((s) => `approvals.taskStatus.${s}`),
      ...['Pending', 'Active', 'Approved', 'Rejected', 'Returned', 'Skipped', 'Notified', 'Cancelled', 'Unassigned'].map((s) => `approvals.stepStatus.${s}`),
      ...['Running', 'Approved', 'Rejected', 'Returned', 'Cancelled', 'Stuck'].map((s) => `approvals.approvalStatus.${s}`),
      ...['approval', 'notify', 'financeReview'].map((k) => `approvals.kind.${k}`),
      ...['sequential', 'all', 'any'].map((m) => `approvals.mode.${m}`),
      ...['approve', 'reject', 'return'].flatMap((d) => [`approvals.outcome.${d}`, `approvals.decision.${d}`, `approvals.decision.done.${d}`]),
      ...KNOWN_NOTES.map((n) => `approvals.note.${n}`),
      ...CONDITION_FIELDS.map((f) => `approvals.condition.fields.${f}`),
      ...CONDITION_OPS.map((o) => `approvals.condition.ops.${o}`),
      ...APPROVER_TYPES.map((t) => `approvals.approver.types.${t}`),
      ...['xml', 'ofd', 'pdf-text', 'qr', 'ocr'].map((s) => `approvals.review.source.${s}`),
      'nav.section.approvals', 'nav.approvalsInbox', 'nav.outOfOffice', 'nav.approvalFlows', 'roles.HR',
      ...['approvalsInbox', 'approvalsDecide', 'approvalsDelegation', 'approvalsSla', 'approvalsFlows'].flatMap((s) => [`help.${s}.title`, `help.${s}.body`]),
    ];
    expect(await missingKeys(built)).toEqual([]);
  });
});
