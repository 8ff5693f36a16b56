import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { ApprovalDto, ApprovalTaskDto } from './data/approvals.models';
import { noteLabels } from './notes';

const STEP_ICONS: Record<string, string> = {
  Pending: 'radio_button_unchecked', Active: 'hourglass_top', Approved: 'check_circle', Rejected: 'cancel', Returned: 'undo',
  Skipped: 'redo', Notified: 'mark_email_read', Cancelled: 'block', Unassigned: 'person_off',
};

/** Who decided a task, and for whom: a delegate decides "on behalf of" the assignee. */
export function deciderLabel(task: ApprovalTaskDto): { name: string | null; onBehalfOf: string | null } {
  if (!task.decidedById) return { name: null, onBehalfOf: null };
  const delegated = task.onBehalfOfId !== null && task.decidedById !== task.assigneeId;
  return { name: task.decidedByName ?? null, onBehalfOf: delegated ? task.assigneeName : null };
}

/** The approval's steps in order, each with its kind, mode, state and the people's tasks. */
@Component({
  selector: 'app-approval-progress',
  imports: [DatePipe, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="muted" data-testid="approval-flow">
      {{ 'approvals.review.flow' | translate: { name: approval().flowName, version: approval().flowVersion, round: approval().round } }}
      · {{ 'approvals.approvalStatus.' + approval().status | translate }}
    </p>
    <ol class="steps">
      @for (s of approval().steps; track s.index) {
        <li class="step" [class.active]="s.status === 'Active'" data-testid="approval-step" [attr.data-status]="s.status" [attr.data-key]="s.key">
          <div class="step-head">
            <mat-icon [class]="'st-' + s.status">{{ icon(s.status) }}</mat-icon>
            <strong>{{ s.name }}</strong>
            <span class="tag">{{ 'approvals.kind.' + s.kind | translate }}</span>
            @if (s.kind !== 'notify') {
              <span class="tag">{{ 'approvals.mode.' + s.mode | translate }}</span>
            }
            <span class="status">{{ 'approvals.stepStatus.' + s.status | translate }}</span>
            @for (n of notes(s.note); track n.raw) {
              <span class="note" data-testid="step-note">{{ n.key ? (n.key | translate: n.params) : n.raw }}</span>
            }
          </div>
          @if (s.tasks.length) {
            <ul class="tasks">
              @for (t of s.tasks; track t.id) {
                <li data-testid="approval-task" [attr.data-status]="t.status">
                  <span class="who">{{ t.assigneeName }}</span>
                  <span class="tstatus">{{ (t.outcome ? 'approvals.outcome.' + t.outcome : 'approvals.taskStatus.' + t.status) | translate }}</span>
                  @if (decider(t); as d) {
                    @if (d.onBehalfOf) {
                      <span class="muted" data-testid="task-on-behalf">{{ 'approvals.review.decidedOnBehalf' | translate: { name: d.name, assignee: d.onBehalfOf } }}</span>
                    }
                  }
                  @if (t.completedAt) {
                    <span class="muted">{{ t.completedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
                  }
                  @if (t.remindedAt && !t.completedAt) {
                    <span class="note">{{ 'approvals.inbox.reminded' | translate }}</span>
                  }
                  @for (n of notes(t.note); track n.raw) {
                    <span class="note" data-testid="task-note">{{ n.key ? (n.key | translate: n.params) : n.raw }}</span>
                  }
                  @if (t.comment) {
                    <div class="comment" data-testid="task-comment">“{{ t.comment }}”</div>
                  }
                </li>
              }
            </ul>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .steps { list-style: none; padding: 0 0 0 16px; border-left: 2px solid var(--mat-sys-outline-variant); margin: 0; }
    .step { padding: 4px 0 12px 8px; }
    .step.active { background: var(--mat-sys-surface-container-low); border-radius: 8px; }
    .step-head { display: flex; align-items: center; flex-wrap: wrap; gap: 6px; }
    .status { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .tasks { list-style: none; padding: 0 0 0 32px; margin: 4px 0 0; }
    .tasks li { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; padding: 2px 0; }
    .who { font-weight: 500; }
    .note { font: var(--mat-sys-label-small); padding: 0 6px; border-radius: 10px; background: #ede7f6; color: #4527a0; }
    .comment { flex-basis: 100%; font-style: italic; }
    .st-Approved, .st-Notified { color: #2e7d32; }
    .st-Rejected { color: var(--mat-sys-error); }
    .st-Returned { color: #8a5300; }
    .st-Active { color: var(--mat-sys-primary); }
  `,
})
export class ApprovalProgress {
  readonly approval = input.required<ApprovalDto>();
  protected readonly notes = noteLabels;
  protected readonly decider = deciderLabel;

  protected icon(status: string): string {
    return STEP_ICONS[status] ?? 'help';
  }
}
