import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { InsightsApi } from './data/insights.api';
import { SurveyScoreDto } from './data/insights.models';
import { errorMessage } from '../../shared/notify.service';
import { SurveyRow, surveyInputs, surveyRows } from './insights-logic';
import { LocalizedPipe } from './insights-ui';

/** Management's survey scores (soft metrics) before and after, on each score's scale; saved with PUT /survey. */
@Component({
  selector: 'app-survey-dialog',
  imports: [LocalizedPipe, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'insights.survey.title' | translate }}</h2>
    <form (submit)="$event.preventDefault(); save()" data-testid="survey-form">
      <mat-dialog-content>
        <p class="muted">{{ 'insights.survey.explain' | translate }}</p>
        @for (r of rows(); track r.key; let i = $index) {
          <fieldset class="score" data-testid="survey-row" [attr.data-key]="r.key">
            <legend>{{ r.nameZh | loc: r.nameEn }} <span class="muted" data-testid="survey-scale">{{ 'insights.survey.scale' | translate: { scale: r.scale } }}</span></legend>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'insights.roi.before' | translate }}</mat-label>
              <input matInput type="number" step="any" [name]="'before-' + r.key" [value]="r.before ?? ''" (input)="set(i, 'before', $any($event.target).value)" />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'insights.roi.after' | translate }}</mat-label>
              <input matInput type="number" step="any" [name]="'after-' + r.key" [value]="r.after ?? ''" (input)="set(i, 'after', $any($event.target).value)" />
            </mat-form-field>
          </fieldset>
        } @empty {
          <p class="muted">{{ 'common.noData' | translate }}</p>
        }
        @if (error(); as message) {
          <div class="form-error" role="alert" data-testid="form-error">{{ message }}</div>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="survey-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .score { display: flex; flex-wrap: wrap; gap: 8px 16px; border: 0; border-bottom: 1px solid var(--mat-sys-outline-variant); padding: 8px 0; margin: 0; }
    legend { font: var(--mat-sys-title-small); padding: 0; margin-bottom: 8px; }
  `,
})
export class SurveyDialog {
  private readonly api = inject(InsightsApi);
  private readonly ref = inject(MatDialogRef<SurveyDialog, SurveyScoreDto[]>);
  private readonly translate = inject(TranslateService);

  protected readonly rows = signal<SurveyRow[]>(surveyRows(inject<SurveyScoreDto[]>(MAT_DIALOG_DATA)));
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected set(index: number, which: 'before' | 'after', value: string): void {
    const n = value === '' ? null : Number(value);
    this.rows.update((rows) => rows.map((r, i) => (i === index ? { ...r, [which]: n != null && Number.isNaN(n) ? null : n } : r)));
  }

  protected save(): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.saveSurvey(surveyInputs(this.rows())).subscribe({
      next: (saved) => this.ref.close(saved),
      error: (e) => {
        this.saving.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }
}
