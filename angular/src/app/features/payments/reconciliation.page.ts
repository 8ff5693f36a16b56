import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { PaymentsApi } from './data/payments.api';
import { EntryMatch, ReconciliationEntryDto } from './data/payments.models';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import { MoneyPipe } from '../../shared/money.pipe';
import { StatusChip } from '../../shared/status-chip';
import { IGNORE, ReconChoice, resolveRequest, suggestedCandidate } from './payments-logic';

export const QUEUE_MATCHES: readonly EntryMatch[] = ['Unmatched', 'Ambiguous', 'ProbableReturn', 'ReturnProposed'];

@Component({
  selector: 'app-reconciliation-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatRadioModule, MoneyPipe, StatusChip, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'payments.recon.title' | translate }}</h1>
      <div>
        <a mat-stroked-button routerLink="/payments/statements"><mat-icon>upload_file</mat-icon>{{ 'nav.paymentsStatements' | translate }}</a>
        <button mat-button type="button" (click)="load()" data-testid="recon-refresh"><mat-icon>refresh</mat-icon>{{ 'payments.recon.refresh' | translate }}</button>
      </div>
    </div>
    <p>{{ 'payments.recon.explain' | translate }}</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @for (e of entries(); track e.id) {
      <section class="entry" data-testid="recon-entry" [attr.data-entry-id]="e.id" [attr.data-match]="e.match" [attr.data-end-to-end-id]="e.endToEndId">
        <div class="entry-head">
          <app-status-chip kind="match" [status]="e.match" />
          <strong class="amount" [class.credit]="e.isCredit">{{ e.isCredit ? '+' : '−' }}{{ e.amount | money: e.currency }}</strong>
          <span>{{ e.bookingDate }}</span>
          <span class="muted">{{ (e.isCredit ? 'payments.recon.credit' : 'payments.recon.debit') | translate }}</span>
        </div>
        <dl class="facts">
          @if (e.counterpartyName || e.counterpartyAccount) {
            <div><dt>{{ 'payments.recon.counterparty' | translate }}</dt><dd>{{ e.counterpartyName }} <span class="mono">{{ e.counterpartyAccount }}</span></dd></div>
          }
          @if (e.endToEndId) {
            <div><dt>{{ 'payments.endToEndId' | translate }}</dt><dd class="mono">{{ e.endToEndId }}</dd></div>
          }
          @if (e.reference) {
            <div><dt>{{ 'payments.recon.reference' | translate }}</dt><dd>{{ e.reference }}</dd></div>
          }
          @if (e.details) {
            <div><dt>{{ 'payments.recon.details' | translate }}</dt><dd>{{ e.details }}</dd></div>
          }
        </dl>
        @if (e.match === 'ReturnProposed') {
          <p class="proposal" data-testid="recon-proposal">
            {{ 'payments.recon.proposedBy' | translate: { name: e.proposedByName ?? '—', at: (e.proposedAt ?? '').slice(0, 16).replace('T', ' ') } }}
            @if (proposedClaim(e); as claim) { <strong>{{ claim }}</strong> }
            @if (e.note) { · {{ e.note }} }
          </p>
          <div class="row-actions">
            <button mat-flat-button type="button" (click)="confirm(e)" [disabled]="resolving() === e.id" data-testid="recon-confirm">
              <mat-icon>verified_user</mat-icon>{{ 'payments.recon.confirmReturn' | translate }}
            </button>
          </div>
        } @else if (e.isCredit) {
          <p class="muted">{{ 'payments.recon.creditExplain' | translate }}</p>
        }
        <mat-radio-group class="choices" [ngModel]="choice(e.id).pick" (ngModelChange)="setPick(e.id, $event)" [name]="'pick-' + e.id" [attr.aria-label]="'payments.recon.choose' | translate">
          @for (c of e.candidates; track c.batchLineId) {
            <mat-radio-button [value]="c.batchLineId" data-testid="recon-candidate" [attr.data-batch-line-id]="c.batchLineId" [attr.data-claim-number]="c.claimNumber">
              <span class="candidate">
                <strong>{{ c.claimNumber }}</strong> · {{ c.payeeName }} · {{ c.amount | money: e.currency }}
                <span class="muted">· {{ c.batchNumber }} · <span class="mono">{{ c.endToEndId }}</span> · {{ 'payments.lineStatus.' + c.status | translate }}</span>
              </span>
            </mat-radio-button>
          } @empty {
            <p class="muted">{{ 'payments.recon.noCandidates' | translate }}</p>
          }
          <mat-radio-button [value]="ignore" data-testid="recon-ignore">{{ 'payments.recon.ignore' | translate }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field class="full" subscriptSizing="dynamic">
          <mat-label>{{ (choice(e.id).pick === ignore ? 'payments.recon.noteRequired' : 'payments.recon.note') | translate }}</mat-label>
          <textarea matInput rows="2" [ngModel]="choice(e.id).note" (ngModelChange)="setNote(e.id, $event)" [name]="'note-' + e.id" data-testid="recon-note"></textarea>
        </mat-form-field>
        @if (errors()[e.id]; as message) {
          <div class="form-error" role="alert" data-testid="form-error">{{ message }}</div>
        }
        <div class="row-actions">
          <button mat-flat-button type="button" (click)="resolve(e)" [disabled]="!canResolve(e) || resolving() === e.id" data-testid="recon-resolve">
            <mat-icon>done</mat-icon>{{ (e.isCredit && choice(e.id).pick !== ignore ? 'payments.recon.proposeReturn' : 'payments.recon.resolve') | translate }}
          </button>
        </div>
      </section>
    } @empty {
      @if (!loading()) {
        <p class="muted" data-testid="recon-empty">{{ 'payments.recon.empty' | translate }}</p>
      }
    }
  `,
  styles: `
    .entry { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin: 12px 0; }
    .entry-head { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
    .amount { font: var(--mat-sys-title-medium); }
    .amount.credit { color: #1b5e20; }
    .facts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 8px 0; }
    .facts dt { font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
    .facts dd { margin: 0; }
    .choices { display: flex; flex-direction: column; margin: 8px 0; }
    .proposal { margin: 8px 0; }
  `,
})
export class ReconciliationPage {
  private readonly payments = inject(PaymentsApi);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly ignore = IGNORE;
  protected readonly entries = signal<ReconciliationEntryDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly resolving = signal<string | null>(null);
  protected readonly choices = signal<Record<string, ReconChoice>>({});
  protected readonly errors = signal<Record<string, string>>({});

  constructor() {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.payments.reconciliation(QUEUE_MATCHES).subscribe({
      next: (entries) => {
        this.entries.set(entries);
        // keep what the user already chose for entries still waiting; preselect an obvious candidate for the rest
        const before = this.choices();
        this.choices.set(Object.fromEntries(entries.map((e) => [e.id, before[e.id] ?? { pick: suggestedCandidate(e), note: '' }])));
        this.loading.set(false);
      },
      error: (e) => {
        this.loading.set(false);
        this.notify.error(e);
      },
    });
  }

  protected choice(id: string): ReconChoice {
    return this.choices()[id] ?? { pick: null, note: '' };
  }

  protected setPick(id: string, pick: string | null): void {
    this.choices.update((c) => ({ ...c, [id]: { ...this.choice(id), pick } }));
  }

  protected setNote(id: string, note: string): void {
    this.choices.update((c) => ({ ...c, [id]: { ...this.choice(id), note } }));
  }

  protected canResolve(e: ReconciliationEntryDto): boolean {
    return resolveRequest(e, this.choice(e.id)) !== null;
  }

  /** The claim a proposed reopening names, when it is still among the entry's candidates. */
  protected proposedClaim(e: ReconciliationEntryDto): string | null {
    return e.candidates.find((c) => c.batchLineId === e.batchLineId)?.claimNumber ?? null;
  }

  /** The checker's half of a reopening; the server answers 403 to the one who proposed it. */
  protected confirm(e: ReconciliationEntryDto): void {
    if (this.resolving()) return;
    this.resolving.set(e.id);
    this.errors.update((x) => ({ ...x, [e.id]: '' }));
    this.payments.confirmReturn(e.id).subscribe({
      next: () => {
        this.resolving.set(null);
        this.notify.success('payments.recon.returnConfirmed');
        this.load();
      },
      error: (err) => {
        this.resolving.set(null);
        this.errors.update((x) => ({ ...x, [e.id]: errorMessage(err, this.translate.instant('errors.unknown')) }));
      },
    });
  }

  protected resolve(e: ReconciliationEntryDto): void {
    const request = resolveRequest(e, this.choice(e.id));
    if (!request || this.resolving()) return;
    this.resolving.set(e.id);
    this.errors.update((x) => ({ ...x, [e.id]: '' }));
    this.payments.resolve(e.id, request).subscribe({
      next: () => {
        this.resolving.set(null);
        this.notify.success(request.ignore ? 'payments.recon.ignored' : e.isCredit ? 'payments.recon.returnProposed' : 'payments.recon.resolved');
        this.load();
      },
      error: (err) => {
        this.resolving.set(null);
        this.errors.update((x) => ({ ...x, [e.id]: errorMessage(err, this.translate.instant('errors.unknown')) }));
      },
    });
  }
}
