import { HttpErrorResponse } from '@angular/common/http';
import { InjectionToken } from '@angular/core';
import { ApiError } from '../../core/api/api-error';
import { ApprovalDto } from '../approvals/data/approvals.models';
import { Claim, ClaimStatus, TimelineEntry } from './data/expenses.models';

/**
 * How long the claim page waits before asking again for an approval that has not started yet (a claim just submitted,
 * its event not delivered to Approvals); one entry per retry, in milliseconds. After the last, a refresh button remains.
 */
export const APPROVAL_RETRY_DELAYS = new InjectionToken<readonly number[]>('APPROVAL_RETRY_DELAYS', {
  providedIn: 'root',
  factory: () => [1000, 2000, 3000, 5000],
});

/** A draft has no approval; every other claim has (or is about to have) one, possibly finished or cancelled. */
export function followsApproval(status: ClaimStatus | null | undefined): boolean {
  return !!status && status !== 'Draft';
}

/** A missing approval is worth waiting for only while the claim is on its way into (or in) approval. */
export function approvalMayStillStart(status: ClaimStatus | null | undefined): boolean {
  return status === 'Submitted' || status === 'InApproval';
}

/** 404 (`Approvals.ClaimNotFound`): Approvals has no approval for the claim (yet). */
export function isApprovalNotFound(error: unknown): boolean {
  if (error instanceof ApiError || error instanceof HttpErrorResponse) return error.status === 404;
  return false;
}

/** Why the claim came back: the last Returned entry of its history (its reason is the approver's comment). */
export function returnNote(claim: Claim | null | undefined): TimelineEntry | null {
  if (claim?.status !== 'Returned') return null;
  for (let i = claim.timeline.length - 1; i >= 0; i--) {
    if (claim.timeline[i].type === 'Returned') return claim.timeline[i];
  }
  return null;
}

/** Whom a running approval waits for: the assignees of the open tasks of its active decision steps, each once. */
export function pendingWith(approval: ApprovalDto | null | undefined): string[] {
  if (!approval || approval.status !== 'Running') return [];
  const names = approval.steps
    .filter((s) => s.status === 'Active' && s.kind !== 'notify')
    .flatMap((s) => s.tasks.filter((t) => t.status === 'Waiting').map((t) => t.assigneeName));
  return [...new Set(names)];
}

/** The comment of the latest "return" decision in the approval, if any. */
export function lastReturnComment(approval: ApprovalDto | null | undefined): string | null {
  const returns = (approval?.steps ?? [])
    .flatMap((s) => s.tasks)
    .filter((t) => t.outcome === 'return' && t.comment)
    .sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''));
  return returns.at(-1)?.comment ?? null;
}
