import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { PaymentsApi } from './data/payments.api';
import { STATEMENT_FORMATS, StatementFormat, StatementImportDto } from './data/payments.models';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import { STATEMENT_ACCEPT, guessStatementFormat, importSummary } from './payments-logic';

@Component({
  selector: 'app-statements-page',
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, ReactiveFormsModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'payments.statements.title' | translate }}</h1>
    <p>{{ 'payments.statements.explain' | translate }}</p>
    <div class="upload-row">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'payments.statements.format' | translate }}</mat-label>
        <mat-select [formControl]="format" name="format" data-testid="statement-format">
          <mat-option value="">{{ 'payments.statements.formatAuto' | translate }}</mat-option>
          @for (f of formats; track f) {
            <mat-option [value]="f">{{ 'payments.statementFormat.' + f | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    <div
      class="drop"
      [class.dragging]="dragging()"
      data-testid="statement-drop"
      (dragover)="onDragOver($event)"
      (dragleave)="dragging.set(false)"
      (drop)="onDrop($event)"
    >
      <mat-icon class="drop-icon">upload_file</mat-icon>
      <p>{{ 'payments.statements.drop' | translate }}</p>
      <input #file type="file" [accept]="accept" name="file" class="visually-hidden" (change)="pick(file)" data-testid="statement-input" />
      <button mat-stroked-button type="button" (click)="file.click()" [disabled]="busy()"><mat-icon>attach_file</mat-icon>{{ 'payments.statements.choose' | translate }}</button>
      @if (fileName(); as name) {
        <p class="muted">{{ name }}@if (guessed(); as g) { · {{ 'payments.statementFormat.' + g | translate }} }</p>
      }
    </div>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (error(); as message) {
      <div class="form-error" role="alert" data-testid="form-error">{{ message }}</div>
    }
    @if (result(); as r) {
      <section class="result" data-testid="statement-result" [attr.data-matched]="r.matched" [attr.data-returned]="r.returned"
        [attr.data-unmatched]="r.unmatched" [attr.data-ambiguous]="r.ambiguous" [attr.data-duplicate]="r.duplicate" [attr.data-outcome]="summary()?.outcome">
        <h2>{{ r.fileName }} <span class="muted">({{ formatLabel(r.format) }})</span></h2>
        @switch (summary()?.outcome) {
          @case ('duplicate') {
            <p class="outcome" data-testid="statement-duplicate"><mat-icon>content_copy</mat-icon>{{ 'payments.statements.duplicate' | translate }}</p>
          }
          @case ('empty') {
            <p class="outcome"><mat-icon>info</mat-icon>{{ 'payments.statements.empty' | translate }}</p>
          }
          @case ('clean') {
            <p class="outcome"><mat-icon>task_alt</mat-icon>{{ 'payments.statements.clean' | translate: { count: r.entryCount } }}</p>
          }
          @default {
            <p class="outcome"><mat-icon>warning</mat-icon>{{ 'payments.statements.attention' | translate: { count: summary()?.toReconcile } }}
              <a mat-button routerLink="/payments/reconciliation" data-testid="to-reconciliation">{{ 'nav.paymentsReconciliation' | translate }}</a></p>
          }
        }
        @if (!r.duplicate) {
          <div class="import-counts">
            <div class="count"><strong data-testid="count-entries">{{ r.entryCount }}</strong><span>{{ 'payments.statements.entries' | translate }}</span></div>
            <div class="count"><strong data-testid="count-matched">{{ r.matched }}</strong><span>{{ 'payments.matchStatus.Matched' | translate }}</span></div>
            <div class="count"><strong data-testid="count-returned">{{ r.returned }}</strong><span>{{ 'payments.matchStatus.Returned' | translate }}</span></div>
            <div class="count"><strong data-testid="count-unmatched">{{ r.unmatched }}</strong><span>{{ 'payments.matchStatus.Unmatched' | translate }}</span></div>
            <div class="count"><strong data-testid="count-ambiguous">{{ r.ambiguous }}</strong><span>{{ 'payments.matchStatus.Ambiguous' | translate }}</span></div>
          </div>
        }
        <p class="muted mono">SHA-256 {{ r.sha256 }}</p>
      </section>
    }

    <h2>{{ 'payments.statements.history' | translate }}</h2>
    <div class="table-wrap">
      <table class="simple-table" data-testid="statements-table">
        <thead>
          <tr>
            <th>{{ 'payments.statements.importedAt' | translate }}</th>
            <th>{{ 'payments.files.fileName' | translate }}</th>
            <th>{{ 'payments.statements.format' | translate }}</th>
            <th class="num">{{ 'payments.statements.entries' | translate }}</th>
            <th class="num">{{ 'payments.matchStatus.Matched' | translate }}</th>
            <th class="num">{{ 'payments.matchStatus.Returned' | translate }}</th>
            <th class="num">{{ 'payments.matchStatus.Unmatched' | translate }}</th>
            <th class="num">{{ 'payments.matchStatus.Ambiguous' | translate }}</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          @for (s of imports(); track s.id) {
            <tr data-testid="statement-row" [attr.data-file-name]="s.fileName">
              <td>{{ s.importedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>{{ s.fileName }}</td>
              <td>{{ formatLabel(s.format) }}</td>
              <td class="num">{{ s.entryCount }}</td>
              <td class="num">{{ s.matched }}</td>
              <td class="num">{{ s.returned }}</td>
              <td class="num">{{ s.unmatched }}</td>
              <td class="num">{{ s.ambiguous }}</td>
              <td class="mono hash" [title]="s.sha256">{{ s.sha256.slice(0, 12) }}…</td>
            </tr>
          } @empty {
            <tr><td colspan="9" class="empty">{{ 'common.noData' | translate }}</td></tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .drop { border: 2px dashed var(--mat-sys-outline-variant); border-radius: 12px; padding: 24px; text-align: center; margin: 12px 0; }
    .drop.dragging { border-color: var(--mat-sys-primary); background: var(--mat-sys-surface-container); }
    .drop-icon { font-size: 40px; width: 40px; height: 40px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .result { margin: 16px 0; padding: 12px 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    .result h2, h2 { font: var(--mat-sys-title-medium); }
    .outcome { display: flex; align-items: center; gap: 8px; }
    .num { text-align: right; }
    .hash { font-size: 12px; }
  `,
})
export class StatementsPage {
  private readonly payments = inject(PaymentsApi);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly formats = STATEMENT_FORMATS;
  protected readonly accept = STATEMENT_ACCEPT;
  protected readonly format = new FormControl<StatementFormat | ''>('', { nonNullable: true });
  protected readonly dragging = signal(false);
  protected readonly busy = signal(false);
  protected readonly fileName = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<StatementImportDto | null>(null);
  protected readonly imports = signal<StatementImportDto[]>([]);
  protected readonly summary = computed(() => (this.result() ? importSummary(this.result()!) : null));
  protected readonly guessed = computed(() => (this.fileName() ? guessStatementFormat(this.fileName()!) : null));

  constructor() {
    this.loadImports();
  }

  /** The server's format name, translated when it is one of ours. */
  protected formatLabel(format: string): string {
    return (STATEMENT_FORMATS as readonly string[]).includes(format) ? this.translate.instant(`payments.statementFormat.${format}`) : format;
  }

  private loadImports(): void {
    this.payments.statements().subscribe({ next: (l) => this.imports.set(l), error: (e) => this.notify.error(e) });
  }

  protected pick(input: HTMLInputElement): void {
    const file = input.files?.[0];
    if (file) this.upload(file);
    input.value = ''; // choosing the same file again (to see the duplicate answer) fires change again
  }

  protected onDragOver(e: DragEvent): void {
    e.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragging.set(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) this.upload(file);
  }

  /** Uploads at once: the file is the whole input (the format only when the user chose one). */
  upload(file: File): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    this.fileName.set(file.name);
    this.payments.importStatement(file, this.format.value || null).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.result.set(r);
        this.loadImports();
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }
}
