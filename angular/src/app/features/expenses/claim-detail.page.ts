import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { ApprovalsApi } from '../approvals/data/approvals.api';
import { ApprovalDto } from '../approvals/data/approvals.models';
import { Claim, ClaimLine, ClaimStatus, ExpenseCategory, INVOICE_FIELD_NAMES } from './data/expenses.models';
import { lineTrip } from './travel-summary';
import { ClaimsApi } from './data/claims.api';
import { ReceiptsApi } from './data/receipts.api';
import { LanguageService } from '../../core/i18n/language.service';
import { NotifyService } from '../../shared/notify.service';
import { ApprovalProgress } from '../approvals/approval-progress';
import { APPROVAL_RETRY_DELAYS, approvalMayStillStart, followsApproval, isApprovalNotFound, lastReturnComment, pendingWith, returnNote } from './claim-approval';
import { FindingsList } from './findings-list';
import { MoneyPipe } from '../../shared/money.pipe';
import { StatusChip } from '../../shared/status-chip';

/** Event types with a translation; any other is shown as the server names it. */
const TIMELINE_TYPES = ['Created', 'Edited', 'Updated', 'Submitted', 'Resubmitted', 'InApproval', 'Approved', 'Returned', 'Rejected', 'Scheduled', 'Paid', 'Cancelled', 'Deleted'];
const EDITABLE: ClaimStatus[] = ['Draft', 'Returned'];
const CANCELLABLE: ClaimStatus[] = ['Draft', 'Submitted', 'InApproval', 'Returned'];

/**
 * The approval section: `none` (a draft, or no approval to show), `loading`, `ready`, `waiting` (not started yet,
 * asking again shortly), `stalled` (still not started after the retries), `failed` (could not be loaded).
 */
export type ApprovalState = 'none' | 'loading' | 'ready' | 'waiting' | 'stalled' | 'failed';

@Component({
  selector: 'app-claim-detail-page',
  imports: [ApprovalProgress, DatePipe, FindingsList, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MoneyPipe, RouterLink, StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './claim-detail.page.html',
  styleUrl: './claim-detail.page.scss',
})
export class ClaimDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly claims = inject(ClaimsApi);
  private readonly receipts = inject(ReceiptsApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  private readonly approvals = inject(ApprovalsApi);
  private readonly retryDelays = inject(APPROVAL_RETRY_DELAYS);
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private approvalLoad: Subscription | undefined;

  protected readonly invoiceFields = INVOICE_FIELD_NAMES;
  protected readonly claim = signal<Claim | null>(null);
  protected readonly categories = signal<ExpenseCategory[]>([]);
  protected readonly busy = signal(false);
  protected readonly cancelling = signal(false);
  protected readonly deleting = signal(false);
  protected reason = '';
  protected readonly canEdit = computed(() => EDITABLE.includes(this.claim()?.status as ClaimStatus));
  protected readonly canCancel = computed(() => CANCELLABLE.includes(this.claim()?.status as ClaimStatus));
  protected readonly canDelete = computed(() => this.claim()?.status === 'Draft');
  protected readonly approval = signal<ApprovalDto | null>(null);
  protected readonly approvalState = signal<ApprovalState>('none');
  protected readonly pending = computed(() => pendingWith(this.approval()).join(this.language.language() === 'zh-CN' ? '、' : ', '));
  /** The approver's comment when the claim came back for changes. */
  protected readonly returned = computed(() => returnNote(this.claim()));
  /** The history's reason, else the comment on the approval's return decision. */
  protected readonly returnComment = computed(() => this.returned()?.reason || lastReturnComment(this.approval()));

  constructor() {
    this.claims.categories().subscribe({ next: (c) => this.categories.set(c), error: () => undefined });
    inject(DestroyRef).onDestroy(() => this.stopApprovalLoad());
  }

  ngOnInit(): void {
    this.load();
  }

  private load(): void {
    this.busy.set(true);
    this.claims.get(this.id()).subscribe({
      next: (c) => {
        this.claim.set(c);
        this.busy.set(false);
        if (followsApproval(c.status)) this.loadApproval(0);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  /**
   * The claim's approval (the submitter may read it). A 404 right after submitting means Approvals has not started it
   * yet: say so and ask again after a short delay, a few times, without an error.
   */
  private loadApproval(attempt: number): void {
    this.stopApprovalLoad();
    if (!this.approval()) this.approvalState.set(attempt === 0 ? 'loading' : 'waiting');
    this.approvalLoad = this.approvals.review(this.id()).subscribe({
      next: (r) => {
        this.approval.set(r.approval);
        this.approvalState.set('ready');
      },
      error: (e) => {
        if (this.approval()) return; // keep showing what we have
        if (!isApprovalNotFound(e)) {
          this.approvalState.set('failed');
        } else if (!approvalMayStillStart(this.claim()?.status)) {
          this.approvalState.set('none');
        } else if (attempt < this.retryDelays.length) {
          this.approvalState.set('waiting');
          this.retryTimer = setTimeout(() => this.loadApproval(attempt + 1), this.retryDelays[attempt]);
        } else {
          this.approvalState.set('stalled');
        }
      },
    });
  }

  protected refreshApproval(): void {
    this.loadApproval(0);
  }

  private stopApprovalLoad(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.approvalLoad?.unsubscribe();
  }

  /** The line's trip in one line (the ticket the server read for it), in the current language. */
  protected trip(line: ClaimLine): { icon: string; text: string } | null {
    this.language.language();
    return lineTrip(line.ticket, (key, params) => this.translate.instant(key, params) as string);
  }

  protected categoryName(code: string): string {
    const c = this.categories().find((x) => x.code === code);
    if (!c) return code;
    return this.language.language() === 'zh-CN' ? c.nameZh : c.nameEn;
  }

  protected lineFindings(index: number) {
    return (this.claim()?.findings ?? []).filter((f) => f.line === index);
  }

  protected claimFindings() {
    return (this.claim()?.findings ?? []).filter((f) => f.line === null);
  }

  protected timelineLabel(type: string): string | null {
    return TIMELINE_TYPES.includes(type) ? `expenses.timeline.${type}` : null;
  }

  protected receiptUrl(id: string): string {
    return this.receipts.contentUrl(id);
  }

  protected isAmount(field: string): boolean {
    return field === 'amountExcludingTax' || field === 'taxAmount' || field === 'totalAmount';
  }

  protected invoiceValue(invoice: Record<string, unknown> | null, field: string): unknown {
    return invoice?.[field] ?? null;
  }

  protected confirmCancel(): void {
    const reason = this.reason.trim();
    if (!reason || this.busy()) return;
    this.busy.set(true);
    this.claims.cancel(this.id(), reason).subscribe({
      next: (c) => {
        this.claim.set(c);
        this.busy.set(false);
        this.cancelling.set(false);
        this.notify.success('expenses.detail.cancelled');
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  protected confirmDelete(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.claims.delete(this.id()).subscribe({
      next: () => {
        this.notify.success('common.deleted');
        this.router.navigate(['/expenses/claims']);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }
}
