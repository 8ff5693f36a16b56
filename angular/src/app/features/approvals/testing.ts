import { ApprovalDto, InboxItemDto } from './data/approvals.models';

export function inboxItem(n: number, overrides: Partial<InboxItemDto> = {}): InboxItemDto {
  return {
    taskId: `t-${n}`, approvalId: `a-${n}`, claimId: `c-${n}`, claimNumber: `EXP-2026-00000${n}`, claimTitle: `Trip ${n}`,
    submitterId: 'p-9', submitterName: '王芳', amount: 1234.5, currency: 'CNY', stepKey: 'manager', stepName: 'Direct manager',
    stepKind: 'approval', status: 'Waiting', createdAt: '2026-11-22T08:00:00Z', waitingHours: 76.4, assigneeId: 'p-1',
    assigneeName: '李娜', onBehalf: false, remindedAt: null, escalateAt: null, outcome: null, completedAt: null,
    ...overrides,
  };
}

export function approval(overrides: Partial<ApprovalDto> = {}): ApprovalDto {
  return {
    id: 'a-1', claimId: 'c-1', claimNumber: 'EXP-2026-000123', claimTitle: '上海出差', submitterId: 'p-9', submitterName: '王芳',
    amount: 1306, currency: 'CNY', status: 'Running', flowId: 'f-1', flowName: 'Default', flowVersion: 3, round: 1,
    startedAt: '2026-11-21T08:00:00Z', completedAt: null,
    steps: [
      {
        index: 0, key: 'manager', name: 'Direct manager', kind: 'approval', mode: 'sequential', status: 'Approved',
        activatedAt: '2026-11-21T08:00:00Z', completedAt: '2026-11-21T09:00:00Z', note: null,
        tasks: [{
          id: 't-0', assigneeId: 'p-5', assigneeName: '张伟', status: 'Approved', outcome: 'approve', comment: 'OK', decidedById: 'p-6',
          decidedByName: '赵敏', onBehalfOfId: 'p-5', createdAt: '2026-11-21T08:00:00Z', completedAt: '2026-11-21T09:00:00Z', remindedAt: null, note: null,
        }],
      },
      {
        index: 1, key: 'heads', name: 'Department heads', kind: 'approval', mode: 'all', status: 'Active',
        activatedAt: '2026-11-21T09:00:00Z', completedAt: null, note: null,
        tasks: [
          { id: 't-1', assigneeId: 'p-1', assigneeName: '李娜', status: 'Waiting', outcome: null, comment: null, decidedById: null, decidedByName: null,
            onBehalfOfId: null, createdAt: '2026-11-21T09:00:00Z', completedAt: null, remindedAt: null, note: 'fallback' },
          { id: 't-2', assigneeId: 'p-5', assigneeName: '张伟', status: 'Skipped', outcome: null, comment: null, decidedById: null, decidedByName: null,
            onBehalfOfId: null, createdAt: '2026-11-21T09:00:00Z', completedAt: '2026-11-21T09:00:00Z', remindedAt: null, note: 'dedupe' },
        ],
      },
      { index: 2, key: 'big', name: 'Large claims', kind: 'approval', mode: 'any', status: 'Skipped', activatedAt: null, completedAt: null, note: 'condition-not-met', tasks: [] },
      {
        index: 3, key: 'hr', name: 'HR', kind: 'notify', mode: 'sequential', status: 'Pending', activatedAt: null, completedAt: null, note: null,
        tasks: [],
      },
    ],
    ...overrides,
  };
}
