import { ApprovalDto } from './data/approvals.models';
import { ClaimLine, FieldSource, ReceiptDto } from '../expenses/data/expenses.models';

export interface FieldOrigin {
  source: FieldSource | null;
  /** 0–100, or null when recognition gave none. */
  confidence: number | null;
}

/**
 * Where an invoice field of a line came from: the recognition of the line's first receipt that knows the field.
 * null when no receipt of the line recognised it (typed in by the employee).
 */
export function fieldOrigin(line: Pick<ClaimLine, 'receiptIds'>, receipts: readonly ReceiptDto[], field: string): FieldOrigin | null {
  for (const id of line.receiptIds) {
    const r = receipts.find((x) => x.id === id)?.recognition;
    if (!r) continue;
    const source = r.sources?.[field] ?? null;
    const confidence = r.confidence?.[field];
    if (source || confidence !== undefined) {
      return { source, confidence: confidence === undefined ? null : Math.round(confidence * 100) };
    }
  }
  return null;
}

/** Unread notify-only tasks of mine on this approval, to be marked read now that I opened the claim. */
export function unreadNotifications(approval: ApprovalDto, personId: string | null | undefined): string[] {
  if (!personId) return [];
  return approval.steps
    .filter((s) => s.kind === 'notify')
    .flatMap((s) => s.tasks)
    .filter((t) => t.assigneeId === personId && t.status === 'Unread')
    .map((t) => t.id);
}

export function isImage(receipt: Pick<ReceiptDto, 'contentType'>): boolean {
  return receipt.contentType.startsWith('image/');
}
