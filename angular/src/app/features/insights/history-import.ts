import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { InsightsApi } from './data/insights.api';
import { BaselineDto } from './data/insights.models';
import { errorMessage } from '../../shared/notify.service';
import { figureValue } from './insights-logic';
import { KeyLabelPipe, UnitPipe } from './insights-ui';

/** A measured baseline from past claims (CSV); shows what the server read from it. */
@Component({
  selector: 'app-history-import',
  imports: [KeyLabelPipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, TranslatePipe, UnitPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="muted">{{ 'insights.history.explain' | translate }}</p>
    <pre class="csv-sample">{{ csvHeader }}</pre>
    <form class="filters" (submit)="$event.preventDefault(); upload()">
      <input #file type="file" accept=".csv,text/csv" name="historyFile" data-testid="history-file" (change)="pick(file)" />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'insights.baselines.name' | translate }}</mat-label>
        <input matInput name="historyName" required maxlength="200" [value]="name()" (input)="name.set($any($event.target).value)" />
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'insights.baselines.currency' | translate }}</mat-label>
        <input matInput name="historyCurrency" maxlength="3" [value]="currency()" (input)="currency.set($any($event.target).value)" />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="!canUpload()" data-testid="history-upload"><mat-icon>upload</mat-icon>{{ 'insights.history.upload' | translate }}</button>
    </form>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (error(); as message) {
      <div class="form-error" role="alert" data-testid="form-error">{{ message }}</div>
    }
    @if (result(); as b) {
      @if (b.history; as h) {
        <section class="summary" data-testid="history-summary" [attr.data-rows]="h.rows" [attr.data-skipped]="h.skipped" [attr.data-version]="b.version">
          <h3>{{ 'insights.history.summary' | translate: { version: b.version, file: h.fileName } }}</h3>
          <div class="import-counts">
            <div class="count"><span class="n" data-testid="history-rows">{{ h.rows }}</span>{{ 'insights.history.rows' | translate }}</div>
            <div class="count"><span class="n" data-testid="history-skipped">{{ h.skipped }}</span>{{ 'insights.history.skipped' | translate }}</div>
            <div class="count"><span class="n" data-testid="history-period">{{ h.from }} – {{ h.to }}</span>{{ 'insights.history.period' | translate }}</div>
          </div>
          @if (h.warnings.length) {
            <ul class="warnings" data-testid="history-warnings">
              @for (w of h.warnings; track $index) {
                <li>{{ w }}</li>
              }
            </ul>
          }
          <table class="simple-table">
            <tbody>
              @for (f of measured(); track f.key) {
                <tr data-testid="history-figure" [attr.data-key]="f.key">
                  <td>{{ f.key | keyLabel: 'insights.figure' }}</td>
                  <td class="num">{{ show(f.value, f.unit) }}</td>
                  <td>{{ f.unit | unit: b.currency }}</td>
                  <td><span class="origin origin-measured">{{ 'insights.kind.measured' | translate }}</span></td>
                </tr>
              }
            </tbody>
          </table>
          <p class="muted mono">SHA-256 {{ h.sha256 }}</p>
        </section>
      }
    }
  `,
  styleUrl: './insights.scss',
})
export class HistoryImport {
  private readonly api = inject(InsightsApi);
  private readonly translate = inject(TranslateService);

  readonly imported = output<BaselineDto>();

  protected readonly csvHeader = 'claimNumber,submittedAt,approvedAt,paidAt,returned,department,category,amount';
  protected readonly show = figureValue;
  protected readonly file = signal<File | null>(null);
  protected readonly name = signal('');
  protected readonly currency = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<BaselineDto | null>(null);
  protected readonly canUpload = computed(() => !!this.file() && !!this.name().trim() && !this.busy());
  protected readonly measured = computed(() => this.result()?.figures.filter((f) => f.kind === 'measured') ?? []);

  protected pick(input: HTMLInputElement): void {
    const f = input.files?.[0] ?? null;
    this.file.set(f);
    if (f && !this.name().trim()) this.name.set(f.name.replace(/\.[^.]+$/, ''));
  }

  upload(): void {
    const file = this.file();
    if (!file || !this.canUpload()) return;
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    this.api.importHistory(file, this.name().trim(), this.currency()).subscribe({
      next: (b) => {
        this.busy.set(false);
        this.result.set(b);
        this.imported.emit(b);
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }
}
