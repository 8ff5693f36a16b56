import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ApprovalsApi } from './data/approvals.api';
import { ApprovalDto, ClaimReviewDto, Decision } from './data/approvals.models';
import { ClaimsApi } from '../expenses/data/claims.api';
import { ClaimLine, ExpenseCategory, INVOICE_FIELD_NAMES, ReceiptDto } from '../expenses/data/expenses.models';
import { lineTrip } from '../expenses/travel-summary';
import { AuthService } from '../../core/auth/auth.service';
import { LanguageService } from '../../core/i18n/language.service';
import { NotifyService } from '../../shared/notify.service';
import { FindingsList } from '../expenses/findings-list';
import { MoneyPipe } from '../../shared/money.pipe';
import { StatusChip } from '../../shared/status-chip';
import { ApprovalProgress } from './approval-progress';
import { DecisionPanel } from './decision-panel';
import { fieldOrigin, isImage, unreadNotifications } from './review-logic';

/** A claim as its approver sees it, with the decision panel when the user holds the open task. */
@Component({
  selector: 'app-review-page',
  imports: [ApprovalProgress, DatePipe, DecimalPipe, DecisionPanel, FindingsList, MatButtonModule, MatIconModule, MatProgressBarModule, MoneyPipe, RouterLink, StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review.page.html',
  styleUrl: './review.page.scss',
})
export class ReviewPage implements OnInit {
  readonly claimId = input.required<string>();
  private readonly api = inject(ApprovalsApi);
  private readonly claims = inject(ClaimsApi);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);

  protected readonly invoiceFields = INVOICE_FIELD_NAMES;
  protected readonly review = signal<ClaimReviewDto | null>(null);
  protected readonly categories = signal<ExpenseCategory[]>([]);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  /** Bumped on reload so the decision panel starts afresh. */
  protected readonly generation = signal(0);
  protected readonly isImage = isImage;

  constructor() {
    this.claims.categories().subscribe({ next: (c) => this.categories.set(c), error: () => undefined });
  }

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.busy.set(true);
    this.api.review(this.claimId()).subscribe({
      next: (r) => {
        this.review.set(r);
        this.busy.set(false);
        this.failed.set(false);
        this.generation.update((n) => n + 1);
        this.markNotificationsRead(r.approval);
      },
      error: (e) => {
        this.busy.set(false);
        this.failed.set(true);
        this.notify.error(e);
      },
    });
  }

  private markNotificationsRead(approval: ApprovalDto): void {
    for (const id of unreadNotifications(approval, this.auth.currentUser()?.personId)) {
      this.api.markRead(id).subscribe({ error: () => undefined });
    }
  }

  protected decided(e: { decision: Decision }): void {
    this.notify.success(`approvals.decision.done.${e.decision}`);
    this.router.navigate(['/approvals/inbox']);
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
    return (this.review()?.claim.findings ?? []).filter((f) => f.line === index);
  }

  protected claimFindings() {
    return (this.review()?.claim.findings ?? []).filter((f) => f.line === null);
  }

  protected invoiceValue(invoice: object | null, field: string): unknown {
    return (invoice as Record<string, unknown> | null)?.[field] ?? null;
  }

  protected isAmount(field: string): boolean {
    return field === 'amountExcludingTax' || field === 'taxAmount' || field === 'totalAmount';
  }

  protected origin(line: ClaimLine, field: string) {
    return fieldOrigin(line, this.review()?.receipts ?? [], field);
  }

  protected receiptUrl(receipt: ReceiptDto): string {
    return this.api.receiptUrl(this.claimId(), receipt.id);
  }

  protected receiptIndex(id: string): number {
    return (this.review()?.receipts ?? []).findIndex((r) => r.id === id) + 1;
  }
}
