import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ClaimStatus } from '../../core/api/expenses.models';

/** One colour per status, so a list can be read at a glance (and never by colour alone: the label is there too). */
export const STATUS_COLOURS: Record<ClaimStatus, string> = {
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

export function statusColour(status: string): string {
  return STATUS_COLOURS[status as ClaimStatus] ?? 'grey';
}

@Component({
  selector: 'app-status-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="status-chip" [class]="'status-chip chip-' + colour()" data-testid="status-chip" [attr.data-status]="status()">{{
    'expenses.status.' + status() | translate
  }}</span>`,
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
  protected readonly colour = computed(() => statusColour(this.status()));
}
