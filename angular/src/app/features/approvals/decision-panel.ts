import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiError } from '../../core/api/api-error';
import { ApprovalsApi } from './data/approvals.api';
import { ApprovalDto, Decision } from './data/approvals.models';
import { NotifyService } from '../../shared/notify.service';
import { decisionFailure, decisionProblem } from './decision-rules';

/**
 * Comment + Approve / Return / Reject for the task the user may decide. A reason is required to return or reject and
 * is asked for here before anything is sent; when someone else decided first (409) it says so and offers a reload.
 */
@Component({
  selector: 'app-decision-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" data-testid="decision-panel">
      <h2>{{ 'approvals.decision.title' | translate }}</h2>
      @if (conflict(); as message) {
        <div class="form-error" role="alert" data-testid="decision-conflict">
          <p>{{ 'approvals.decision.conflict' | translate }}</p>
          <p class="muted">{{ message }}</p>
          <button mat-stroked-button type="button" (click)="reload.emit()" data-testid="decision-reload"><mat-icon>refresh</mat-icon>{{ 'approvals.decision.reload' | translate }}</button>
        </div>
      } @else {
        <mat-form-field class="full">
          <mat-label>{{ 'approvals.decision.comment' | translate }}</mat-label>
          <textarea matInput name="comment" rows="3" maxlength="2000" [(ngModel)]="comment" (ngModelChange)="missing.set(false)" data-testid="decision-comment"
            [attr.aria-invalid]="missing() || null"></textarea>
          <mat-hint>{{ 'approvals.decision.commentHint' | translate }}</mat-hint>
        </mat-form-field>
        @if (missing()) {
          <p class="error-text" role="alert" data-testid="decision-comment-required">{{ 'approvals.decision.commentRequired' | translate }}</p>
        }
        <div class="buttons">
          <button mat-flat-button type="button" (click)="decide('approve')" [disabled]="busy()" data-testid="decision-approve"><mat-icon>check</mat-icon>{{ 'approvals.decision.approve' | translate }}</button>
          <button mat-stroked-button type="button" (click)="decide('return')" [disabled]="busy()" data-testid="decision-return"><mat-icon>undo</mat-icon>{{ 'approvals.decision.return' | translate }}</button>
          <button mat-stroked-button type="button" class="danger" (click)="decide('reject')" [disabled]="busy()" data-testid="decision-reject"><mat-icon>close</mat-icon>{{ 'approvals.decision.reject' | translate }}</button>
        </div>
      }
    </section>
  `,
  styles: `
    .panel { border: 2px solid var(--mat-sys-primary); border-radius: 12px; padding: 12px 16px; margin: 16px 0; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .buttons { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
    .danger { color: var(--mat-sys-error); }
  `,
})
export class DecisionPanel {
  private readonly api = inject(ApprovalsApi);
  private readonly notify = inject(NotifyService);

  readonly taskId = input.required<string>();
  /** After a decision went through. */
  readonly decided = output<{ decision: Decision; approval: ApprovalDto }>();
  /** The user asks to see the claim's current state (after a conflict). */
  readonly reload = output<void>();

  protected comment = '';
  protected readonly busy = signal(false);
  protected readonly missing = signal(false);
  protected readonly conflict = signal<string | null>(null);

  protected decide(decision: Decision): void {
    if (this.busy()) return;
    if (decisionProblem(decision, this.comment) === 'commentRequired') {
      this.missing.set(true);
      return;
    }
    this.busy.set(true);
    this.api.decide(this.taskId(), decision, this.comment).subscribe({
      next: (approval) => {
        this.busy.set(false);
        this.decided.emit({ decision, approval });
      },
      error: (e) => {
        this.busy.set(false);
        const failure = e instanceof ApiError ? decisionFailure(e.status, e.code) : 'other';
        if (failure === 'conflict') this.conflict.set((e as ApiError).userMessage);
        else if (failure === 'commentRequired') this.missing.set(true);
        else this.notify.error(e);
      },
    });
  }
}
