import { ChangeDetectionStrategy, Component, OnInit, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { InsightsApi } from './data/insights.api';
import { BaselineDto, BaselineFigureDto } from './data/insights.models';
import { errorMessage } from '../../shared/notify.service';
import { FigureRow, effectiveKind, figureInput, figureRows, valueChanged } from './insights-logic';
import { KeyLabelPipe, UnitPipe } from './insights-ui';

/**
 * A new baseline version, pre-filled (from the latest version or the published defaults). Every figure is editable; a
 * changed published default or assumption becomes the company's own (`entered`) unless "keep the source" is ticked.
 */
@Component({
  selector: 'app-baseline-editor',
  imports: [KeyLabelPipe, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe, UnitPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="editor" (submit)="$event.preventDefault(); save()" data-testid="baseline-editor">
      <div class="filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'insights.baselines.name' | translate }}</mat-label>
          <input matInput name="baselineName" required maxlength="200" [value]="name()" (input)="name.set($any($event.target).value)" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'insights.baselines.currency' | translate }}</mat-label>
          <input matInput name="currency" maxlength="3" [value]="currency()" (input)="currency.set($any($event.target).value)" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic" class="grow">
          <mat-label>{{ 'insights.baselines.note' | translate }}</mat-label>
          <input matInput name="note" [value]="note()" (input)="note.set($any($event.target).value)" />
        </mat-form-field>
      </div>
      <div class="table-wrap">
        <table class="simple-table">
          <thead>
            <tr>
              <th>{{ 'insights.baselines.figure' | translate }}</th>
              <th>{{ 'insights.roi.value' | translate }}</th>
              <th>{{ 'insights.roi.unit' | translate }}</th>
              <th>{{ 'insights.baselines.kind' | translate }}</th>
              <th>{{ 'insights.roi.source' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.key; let i = $index) {
              <tr data-testid="editor-figure" [attr.data-key]="r.key" [attr.data-kind]="kind(r)">
                <td>{{ r.key | keyLabel: 'insights.figure' }}</td>
                <td><input class="value" type="number" step="any" required [name]="'value-' + r.key" [value]="r.value ?? ''"
                  [attr.aria-label]="r.key | keyLabel: 'insights.figure'" (input)="setValue(i, $any($event.target).value)" /></td>
                <td>@if (r.unit === 'ratio') { {{ 'insights.baselines.ratioUnit' | translate }} } @else { {{ r.unit | unit: currency() }} }</td>
                <td><span [class]="'origin origin-' + kind(r)" data-testid="editor-kind">{{ kind(r) | keyLabel: 'insights.kind' }}</span></td>
                <td>
                  @if (kind(r) === 'entered') {
                    <input class="source" [name]="'source-' + r.key" [value]="r.source" [placeholder]="'insights.baselines.sourcePlaceholder' | translate"
                      (input)="setSource(i, $any($event.target).value)" />
                  } @else {
                    <span class="muted">{{ r.original.source || '—' }}</span>
                  }
                  @if (published(r) && changed(r)) {
                    <mat-checkbox [checked]="r.keepSource" (change)="setKeep(i, $event.checked)" data-testid="keep-source">{{ 'insights.baselines.keepSource' | translate }}</mat-checkbox>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (error(); as message) {
        <div class="form-error" role="alert" data-testid="form-error">{{ message }}</div>
      }
      <div class="actions">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="baseline-save"><mat-icon>save</mat-icon>{{ 'insights.baselines.saveVersion' | translate }}</button>
      </div>
    </form>
  `,
  styleUrl: './insights.scss',
  styles: `
    input.value { width: 9em; text-align: right; }
    input.value, input.source { font: inherit; padding: 4px 6px; border: 1px solid var(--mat-sys-outline); border-radius: 4px; background: transparent; color: inherit; }
    input.source { width: 100%; min-width: 12em; }
    .grow { flex: 1; min-width: 240px; }
  `,
})
export class BaselineEditor implements OnInit {
  private readonly api = inject(InsightsApi);
  private readonly translate = inject(TranslateService);

  /** The figures to start from. */
  readonly start = input.required<BaselineFigureDto[]>();
  readonly startCurrency = input('CNY');
  readonly saved = output<BaselineDto>();
  readonly cancelled = output<void>();

  protected readonly rows = signal<FigureRow[]>([]);
  protected readonly name = signal('');
  protected readonly currency = signal('CNY');
  protected readonly note = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly kind = effectiveKind;
  protected readonly changed = valueChanged;

  ngOnInit(): void {
    this.rows.set(figureRows(this.start()));
    this.currency.set(this.startCurrency());
  }

  protected published(r: FigureRow): boolean {
    return r.original.kind === 'default' || r.original.kind === 'assumption';
  }

  protected setValue(i: number, value: string): void {
    const n = value === '' ? null : Number(value);
    this.patch(i, { value: n != null && Number.isNaN(n) ? null : n });
  }

  protected setSource(i: number, source: string): void {
    this.patch(i, { source });
  }

  protected setKeep(i: number, keepSource: boolean): void {
    this.patch(i, { keepSource });
  }

  private patch(i: number, change: Partial<FigureRow>): void {
    this.rows.update((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  }

  protected save(): void {
    if (this.saving()) return;
    const name = this.name().trim();
    if (!name) {
      this.error.set(this.translate.instant('insights.baselines.nameRequired'));
      return;
    }
    if (this.rows().some((r) => r.value == null)) {
      this.error.set(this.translate.instant('insights.baselines.valueRequired'));
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    const request = { name, currency: this.currency().trim().toUpperCase() || null, figures: this.rows().map(figureInput), note: this.note().trim() || null };
    this.api.saveBaseline(request).subscribe({
      next: (b) => {
        this.saving.set(false);
        this.saved.emit(b);
      },
      error: (e) => {
        this.saving.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }
}
