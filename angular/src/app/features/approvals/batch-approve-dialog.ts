import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { ApprovalsApi } from './data/approvals.api';
import { BatchItemResultDto, InboxItemDto } from './data/approvals.models';
import { NotifyService } from '../../shared/notify.service';
import { MoneyPipe } from '../../shared/money.pipe';

export interface BatchApproveData {
  items: InboxItemDto[];
}

export interface BatchRow {
  item: InboxItemDto;
  result: BatchItemResultDto | null;
}

/** Pairs each selected task with its result (a task the server did not answer for stays without one). */
export function batchRows(items: readonly InboxItemDto[], results: readonly BatchItemResultDto[] | null): BatchRow[] {
  return items.map((item) => ({ item, result: results?.find((r) => r.taskId === item.taskId) ?? null }));
}

/** Approve the selected tasks with one optional comment; each task's result is listed (one closed task does not stop the others). */
@Component({
  selector: 'app-batch-approve-dialog',
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MoneyPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'approvals.batch.title' | translate: { count: data.items.length } }}</h2>
    <mat-dialog-content>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <ul class="rows">
        @for (r of rows(); track r.item.taskId) {
          <li data-testid="batch-result" [attr.data-ok]="r.result ? r.result.ok : null" [attr.data-claim-number]="r.item.claimNumber">
            @if (r.result) {
              <mat-icon [class.ok]="r.result.ok" [class.bad]="!r.result.ok">{{ r.result.ok ? 'check_circle' : 'error' }}</mat-icon>
            }
            <span class="mono">{{ r.item.claimNumber }}</span> {{ r.item.claimTitle }} · {{ r.item.amount | money: r.item.currency }}
            @if (r.result && !r.result.ok) {
              <div class="error-text">{{ r.result.message || r.result.code }}</div>
            }
          </li>
        }
      </ul>
      @if (results(); as res) {
        <p data-testid="batch-summary">{{ 'approvals.batch.summary' | translate: { ok: okCount(), failed: res.length - okCount() } }}</p>
      } @else {
        <mat-form-field class="full">
          <mat-label>{{ 'approvals.batch.comment' | translate }}</mat-label>
          <textarea matInput name="comment" rows="2" [(ngModel)]="comment" data-testid="batch-comment"></textarea>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (results()) {
        <button mat-flat-button type="button" (click)="close()" data-testid="batch-close">{{ 'approvals.batch.close' | translate }}</button>
      } @else {
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="button" (click)="run()" [disabled]="busy()" data-testid="batch-confirm">{{ 'approvals.decision.approve' | translate }}</button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .rows { list-style: none; padding: 0; margin: 0 0 12px; }
    .rows li { padding: 4px 0; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    mat-icon { vertical-align: middle; margin-right: 4px; }
    .ok { color: #2e7d32; }
    .bad { color: var(--mat-sys-error); }
  `,
})
export class BatchApproveDialog {
  protected readonly data = inject<BatchApproveData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<BatchApproveDialog>);
  private readonly api = inject(ApprovalsApi);
  private readonly notify = inject(NotifyService);

  protected comment = '';
  protected readonly busy = signal(false);
  protected readonly results = signal<BatchItemResultDto[] | null>(null);
  protected readonly rows = computed(() => batchRows(this.data.items, this.results()));
  protected readonly okCount = computed(() => (this.results() ?? []).filter((r) => r.ok).length);

  protected run(): void {
    this.busy.set(true);
    this.api.batchApprove(this.data.items.map((i) => i.taskId), this.comment).subscribe({
      next: (r) => {
        this.results.set(r);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  protected close(): void {
    this.ref.close(true);
  }
}
