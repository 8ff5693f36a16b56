import { DatePipe } from '@angular/common';
import { HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { PaymentsApi } from './data/payments.api';
import { BatchDto, JournalFormat, PaymentFileDto, PaymentFileFormat } from './data/payments.models';
import { AuthService } from '../../core/auth/auth.service';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import { MoneyPipe } from '../../shared/money.pipe';
import { StatusChip } from '../../shared/status-chip';
import { JOURNAL_BUTTONS, PAIN_BUTTONS, downloadName, fileButtons, filesAvailable, isMakerCannotRelease, journalName, releaseCheck } from './payments-logic';
import { legalEntityNames } from './legal-entity-names';

/** Saves a downloaded blob under a name (an object URL and a temporary link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

@Component({
  selector: 'app-batch-detail-page',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, MoneyPipe, StatusChip, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './batch-detail.page.html',
  styles: `
    .head { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 8px 0 16px; }
    .head dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .head dd { margin: 0; font: var(--mat-sys-body-large); }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
    .note { display: flex; gap: 8px; align-items: flex-start; padding: 12px 16px; border-radius: 12px; margin: 8px 0;
      background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .confirm { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
    .num { text-align: right; white-space: nowrap; }
    h2 { font: var(--mat-sys-title-medium); margin: 24px 0 8px; }
    .files-head { display: flex; align-items: baseline; gap: 16px; }
    .account-change { font: var(--mat-sys-body-small); color: var(--mat-sys-on-tertiary-container); background: var(--mat-sys-tertiary-container);
      border-radius: 8px; padding: 2px 8px; margin-top: 4px; display: inline-block; }
    .hash { font-family: 'Roboto Mono', ui-monospace, monospace; font-size: 12px; word-break: break-all; }
  `,
})
export class BatchDetailPage implements OnInit {
  readonly id = input.required<string>();
  private readonly payments = inject(PaymentsApi);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  /** pain.001, then each active bank template's CSV and Excel, as GET file-formats lists them. */
  protected readonly fileButtons = signal(fileButtons([]));
  protected readonly journalButtons = JOURNAL_BUTTONS;
  protected readonly batch = signal<BatchDto | null>(null);
  protected readonly files = signal<PaymentFileDto[]>([]);
  private readonly entities = legalEntityNames();
  protected readonly entityName = this.entities.name;
  protected readonly busy = signal(false);
  protected readonly cancelling = signal(false);
  protected readonly downloading = signal<PaymentFileFormat | `journal-${JournalFormat}` | null>(null);
  protected readonly error = signal<string | null>(null);
  /** The server said 403 Payments.MakerCannotRelease (e.g. the page was stale about who the maker is). */
  private readonly serverSaysMaker = signal(false);

  protected readonly release = computed(() => {
    const b = this.batch();
    if (!b) return null;
    const check = releaseCheck(b, this.auth.currentUser()?.personId, this.auth.hasPermission(PERMISSIONS.paymentsRelease));
    return this.serverSaysMaker() && b.status === 'Draft' ? { allowed: false, reason: 'maker' as const } : check;
  });
  protected readonly canDownload = computed(() => !!this.batch() && filesAvailable(this.batch()!.status));

  constructor() {
    // Without the list the pain.001 buttons still work; a template's format needs the server's word that it is active.
    this.payments.fileFormats().subscribe({ next: (f) => this.fileButtons.set(fileButtons(f)), error: () => this.fileButtons.set([...PAIN_BUTTONS]) });
  }

  ngOnInit(): void {
    this.load();
  }

  private load(): void {
    this.busy.set(true);
    this.payments.batch(this.id()).subscribe({
      next: (b) => {
        this.batch.set(b);
        this.busy.set(false);
        if (filesAvailable(b.status)) this.loadFiles();
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  private loadFiles(): void {
    this.payments.files(this.id()).subscribe({ next: (f) => this.files.set(f), error: () => this.files.set([]) });
  }

  protected doRelease(): void {
    if (!this.release()?.allowed || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.payments.release(this.id()).subscribe({
      next: (b) => {
        this.batch.set(b);
        this.busy.set(false);
        this.notify.success('payments.batch.released', { number: b.number });
        this.loadFiles();
      },
      error: (e) => {
        this.busy.set(false);
        if (isMakerCannotRelease(e)) this.serverSaysMaker.set(true);
        else this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }

  protected doCancel(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.payments.cancel(this.id()).subscribe({
      next: (b) => {
        this.batch.set(b);
        this.busy.set(false);
        this.cancelling.set(false);
        this.notify.success('payments.batch.cancelled', { number: b.number });
      },
      error: (e) => {
        this.busy.set(false);
        this.cancelling.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }

  protected download(format: PaymentFileFormat): void {
    const b = this.batch();
    if (!b || !this.canDownload() || this.downloading()) return;
    this.downloading.set(format);
    this.error.set(null);
    this.payments.downloadFile(b.id, format).subscribe({
      next: (r: HttpResponse<Blob>) => {
        this.downloading.set(null);
        if (r.body) saveBlob(r.body, downloadName(r.headers.get('Content-Disposition'), b.number, format));
        this.loadFiles();
      },
      error: (e) => {
        this.downloading.set(null);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }

  /** The journal (记账凭证) is generated on each request from the current accounting mapping; it is not stored. */
  protected downloadJournal(format: JournalFormat): void {
    const b = this.batch();
    if (!b || !this.canDownload() || this.downloading()) return;
    this.downloading.set(`journal-${format}`);
    this.error.set(null);
    this.payments.downloadJournal(b.id, format).subscribe({
      next: (r: HttpResponse<Blob>) => {
        this.downloading.set(null);
        if (r.body) saveBlob(r.body, journalName(r.headers.get('Content-Disposition'), b.number, format));
      },
      error: (e) => {
        this.downloading.set(null);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }
}
