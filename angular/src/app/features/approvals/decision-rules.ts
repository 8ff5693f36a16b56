import { Decision } from './data/approvals.models';

export const DECISIONS: readonly Decision[] = ['approve', 'return', 'reject'];

/** Returning or rejecting a claim needs a reason (the server answers 400 Approvals.CommentRequired otherwise). */
export function commentRequired(decision: Decision): boolean {
  return decision === 'reject' || decision === 'return';
}

/** What stops a decision from being sent, checked before calling the server: null when it may go. */
export function decisionProblem(decision: Decision, comment: string | null | undefined): 'commentRequired' | null {
  return commentRequired(decision) && !(comment ?? '').trim() ? 'commentRequired' : null;
}

/** How a failed decision is shown: someone else decided first (reload), a missing comment (inline), or anything else. */
export function decisionFailure(status: number, code: string | null): 'conflict' | 'commentRequired' | 'other' {
  if (status === 409 || code === 'Approvals.TaskClosed') return 'conflict';
  if (code === 'Approvals.CommentRequired') return 'commentRequired';
  return 'other';
}
