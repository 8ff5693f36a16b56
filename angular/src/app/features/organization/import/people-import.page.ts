import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { ImportReport } from '../data/organization.models';
import { PeopleApi } from '../data/people.api';
import { errorMessage } from '../../../shared/notify.service';
import { ImportReportView } from './import-report';

export const IMPORT_HEADER =
  'employeeNo,displayName,email,phone,departmentCode,gradeCode,managerEmployeeNo,costCentreCode,roles,bankName,bankAccountNumber,bankAccountName,cnapsCode';

@Component({
  selector: 'app-people-import-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe, ImportReportView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'import.title' | translate }}</h1>
    <p>{{ 'import.explain' | translate }}</p>
    <pre class="csv-sample">{{ header }}</pre>
    <div class="import-actions">
      <input #file type="file" accept=".csv,text/csv" name="file" hidden (change)="pick(file)" data-testid="import-file" />
      <button mat-stroked-button type="button" (click)="file.click()"><mat-icon>attach_file</mat-icon>{{ 'import.choose' | translate }}</button>
      <span class="muted">{{ selected()?.name ?? ('import.noFile' | translate) }}</span>
      <button mat-flat-button type="button" [disabled]="!selected() || busy()" (click)="upload()" data-testid="import-upload">
        <mat-icon>upload</mat-icon>{{ 'import.upload' | translate }}
      </button>
      <button mat-button type="button" (click)="downloadTemplate()">{{ 'import.template' | translate }}</button>
    </div>
    @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error(); as message) { <div class="form-error" role="alert">{{ message }}</div> }
    @if (report(); as r) { <app-import-report [report]="r" /> }
  `,
})
export class PeopleImportPage {
  private readonly people = inject(PeopleApi);
  private readonly translate = inject(TranslateService);

  protected readonly header = IMPORT_HEADER;
  protected readonly selected = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly report = signal<ImportReport | null>(null);

  protected pick(input: HTMLInputElement): void {
    this.selected.set(input.files?.[0] ?? null);
    this.report.set(null);
    this.error.set(null);
  }

  protected async upload(): Promise<void> {
    const file = this.selected();
    if (!file) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      this.report.set(await firstValueFrom(this.people.import(file)));
    } catch (e) {
      this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
    } finally {
      this.busy.set(false);
    }
  }

  protected downloadTemplate(): void {
    // A BOM so that spreadsheet programs open the UTF-8 (Chinese) content correctly.
    const blob = new Blob(['\ufeff' + IMPORT_HEADER + '\n'], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'people-import-template.csv';
    a.click();
    URL.revokeObjectURL(url);
  }
}
