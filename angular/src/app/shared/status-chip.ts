import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** Whose status: a claim's, or one of the payments statuses (payable, batch, batch line, statement entry match). */
export type StatusKind = 'claim' | 'payable' | 'batch' | 'line' | 'match';

/** One colour per claim status, so a list can be read at a glance (and never by colour alone: the label is there too). */
export const STATUS_COLOURS: Record<string, string> = {
  Draft: 'grey',
  Submitted: 'blue',
  InApproval: 'indigo',
  Approved: 'teal',
  Scheduled: 'cyan',
  Paid: 'green',
  Returned: 'amber',
  Rejected: 'red',
  Cancelled: 'brown',
};

const PAYMENT_COLOURS: Record<string, string> = {
  Open: 'blue', Held: 'amber', InBatch: 'indigo', Scheduled: 'cyan', Paid: 'green',
  Draft: 'grey', Released: 'teal', Cancelled: 'brown', Closed: 'green',
  Pending: 'blue', Returned: 'red', Removed: 'brown',
  Matched: 'green', Unmatched: 'amber', Ambiguous: 'indigo', Ignored: 'grey', ProbableReturn: 'amber', ReturnProposed: 'red',
};

export function statusColour(status: string, kind: StatusKind = 'claim'): string {
  if (kind === 'claim') return STATUS_COLOURS[status] ?? 'grey';
  // A closed payable was never paid (its claim was withdrawn): not the green of a closed, fully settled batch.
  if (kind === 'payable' && status === 'Closed') return 'brown';
  return PAYMENT_COLOURS[status] ?? 'grey';
}

/** The translation key of a status: claims under expenses.status, the payments kinds under payments.<kind>Status. */
export function statusLabel(status: string, kind: StatusKind = 'claim'): string {
  return kind === 'claim' ? `expenses.status.${status}` : `payments.${kind}Status.${status}`;
}

/** A status as a coloured, labelled chip. */
@Component({
  selector: 'app-status-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'status-chip chip-' + colour()" [attr.data-testid]="testId()" [attr.data-status]="status()">{{ label() | translate }}</span>`,
  styles: `
    .status-chip { display: inline-block; padding: 2px 10px; border-radius: 12px; font: var(--mat-sys-label-medium); white-space: nowrap; }
    .chip-grey { background: #e0e0e0; color: #333; }
    .chip-blue { background: #d6e4ff; color: #0b3d91; }
    .chip-indigo { background: #e0defc; color: #2e2a85; }
    .chip-teal { background: #d2f1ec; color: #00574b; }
    .chip-cyan { background: #d4f3fa; color: #005a6b; }
    .chip-green { background: #d8f5d8; color: #1b5e20; }
    .chip-amber { background: #ffefc2; color: #6d4c00; }
    .chip-red { background: #ffdad6; color: #8c1d18; }
    .chip-brown { background: #eee0d8; color: #5d4037; }
  `,
})
export class StatusChip {
  readonly status = input.required<string>();
  readonly kind = input<StatusKind>('claim');
  readonly testId = input<string>('status-chip');
  protected readonly colour = computed(() => statusColour(this.status(), this.kind()));
  protected readonly label = computed(() => statusLabel(this.status(), this.kind()));
}
