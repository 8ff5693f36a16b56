import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from '../../core/api/api-error';
import { Claim, ClaimStatus, TimelineEntry } from './data/expenses.models';
import { approval } from '../approvals/testing';
import { approvalMayStillStart, followsApproval, isApprovalNotFound, lastReturnComment, pendingWith, returnNote } from './claim-approval';

const entry = (type: string, reason: string | null, at: string, actorName = '张伟'): TimelineEntry => ({
  type, fromStatus: null, toStatus: null, actorId: 'p-5', actorName, onBehalfOfId: null, at, reason,
});

function claimWith(status: ClaimStatus, timeline: TimelineEntry[]): Claim {
  return {
    id: 'c-1', number: 'EXP-1', employeeId: 'p-9', legalEntityId: 'le-1', title: 'Trip', status, baseCurrency: 'CNY',
    totalInBase: 1, createdAt: '', updatedAt: '', submittedAt: null, lines: [], findings: [], timeline,
  };
}

describe('claim approval logic', () => {
  it('follows the approval of every claim but a draft, and waits for a missing one only while submitted or in approval', () => {
    expect(followsApproval('Draft')).toBe(false);
    expect(followsApproval(null)).toBe(false);
    expect(['Submitted', 'InApproval', 'Approved', 'Returned', 'Rejected', 'Cancelled', 'Paid'].every((s) => followsApproval(s as ClaimStatus))).toBe(true);
    expect(approvalMayStillStart('Submitted')).toBe(true);
    expect(approvalMayStillStart('InApproval')).toBe(true);
    expect(approvalMayStillStart('Cancelled')).toBe(false);
    expect(approvalMayStillStart('Approved')).toBe(false);
  });

  it('treats only a 404 as "no approval yet"', () => {
    expect(isApprovalNotFound(new ApiError(404, 'Not found', 'Approvals.ClaimNotFound'))).toBe(true);
    expect(isApprovalNotFound(new HttpErrorResponse({ status: 404 }))).toBe(true);
    expect(isApprovalNotFound(new ApiError(403, 'Forbidden'))).toBe(false);
    expect(isApprovalNotFound(new HttpErrorResponse({ status: 500 }))).toBe(false);
    expect(isApprovalNotFound(new Error('boom'))).toBe(false);
  });

  it('finds the latest return in the history of a returned claim only', () => {
    const timeline = [
      entry('Submitted', null, '2026-11-01T08:00:00Z'),
      entry('Returned', 'First: add the hotel invoice', '2026-11-02T08:00:00Z'),
      entry('Resubmitted', null, '2026-11-03T08:00:00Z'),
      entry('Returned', 'Second: wrong cost centre', '2026-11-04T08:00:00Z', '赵敏'),
    ];
    expect(returnNote(claimWith('Returned', timeline))?.reason).toBe('Second: wrong cost centre');
    expect(returnNote(claimWith('Returned', timeline))?.actorName).toBe('赵敏');
    expect(returnNote(claimWith('InApproval', timeline))).toBeNull();
    expect(returnNote(claimWith('Returned', [entry('Submitted', null, '2026-11-01T08:00:00Z')]))).toBeNull();
    expect(returnNote(null)).toBeNull();
  });

  it('names whom a running approval waits for, once each, ignoring notify steps and finished approvals', () => {
    expect(pendingWith(approval())).toEqual(['李娜']);
    const a = approval();
    a.steps[1].tasks[1] = { ...a.steps[1].tasks[1], status: 'Waiting' };
    a.steps[3] = { ...a.steps[3], status: 'Active', tasks: [{ ...a.steps[1].tasks[0], id: 't-9', assigneeName: 'HR 王' }] };
    expect(pendingWith(a)).toEqual(['李娜', '张伟']);
    expect(pendingWith(approval({ status: 'Approved' }))).toEqual([]);
    expect(pendingWith(null)).toEqual([]);
  });

  it('takes the latest return decision comment from the approval', () => {
    const a = approval({ status: 'Returned' });
    expect(lastReturnComment(a)).toBeNull();
    a.steps[0].tasks[0] = { ...a.steps[0].tasks[0], outcome: 'return', comment: 'Older', completedAt: '2026-11-21T09:00:00Z' };
    a.steps[1].tasks[0] = { ...a.steps[1].tasks[0], outcome: 'return', comment: 'Attach the boarding pass', completedAt: '2026-11-22T09:00:00Z' };
    expect(lastReturnComment(a)).toBe('Attach the boarding pass');
  });
});
