import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

export type StatusKind = 'payable' | 'batch' | 'line' | 'match';

const COLOURS: Record<string, string> = {
  Open: 'blue', Held: 'amber', InBatch: 'indigo', Scheduled: 'cyan', Paid: 'green',
  Draft: 'grey', Released: 'teal', Cancelled: 'brown', Closed: 'green',
  Pending: 'blue', Returned: 'red', Removed: 'brown',
  Matched: 'green', Unmatched: 'amber', Ambiguous: 'indigo', Ignored: 'grey', ProbableReturn: 'amber', ReturnProposed: 'red',
};

/** A payments status (payable, batch, batch line, statement entry) as a coloured, labelled chip. */
@Component({
  selector: 'app-payment-status',
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
export class PaymentStatus {
  readonly kind = input.required<StatusKind>();
  readonly status = input.required<string>();
  readonly testId = input<string>('status-chip');
  // A closed payable was never paid (its claim was withdrawn): not the green of a closed, fully settled batch.
  protected readonly colour = computed(() => (this.kind() === 'payable' && this.status() === 'Closed' ? 'brown' : COLOURS[this.status()] ?? 'grey'));
  protected readonly label = computed(() => `payments.${this.kind()}Status.${this.status()}`);
}
