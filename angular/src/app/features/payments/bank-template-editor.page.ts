import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ApiError } from '../../core/api/api-error';
import { BankTemplatesApi } from './data/bank-templates.api';
import { BankTemplateDto, TEMPLATE_DELIMITERS, TEMPLATE_ENCODINGS, TEMPLATE_FIELDS, TemplateField, TemplateProblemDto } from './data/bank-templates.models';
import { LanguageService } from '../../core/i18n/language.service';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import {
  ColumnForm,
  PlacedTemplateErrors,
  TemplateForm,
  defaultFormat,
  formToRequest,
  headerPreview,
  isFreeText,
  missingFields,
  moveColumn,
  newColumn,
  newTemplateForm,
  placeTemplateErrors,
  takesFormat,
  templateErrors,
  templateToForm,
} from './bank-template-form';

/**
 * One bank template as a column table: the bank's header text, the field that fills it, and a format, a maximum length
 * or a fixed value where the field takes one. The server checks the whole template and its problems show next to the
 * column they concern.
 */
@Component({
  selector: 'app-bank-template-editor-page',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bank-template-editor.page.html',
  styles: `
    .back { margin: -8px 0 8px -8px; }
    h2 { font: var(--mat-sys-title-medium); margin: 20px 0 8px; }
    .row { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-start; }
    .row > .grow { flex: 1 1 240px; }
    .narrow-wide { width: 200px; }
    .columns td { vertical-align: top; padding-top: 4px; padding-bottom: 4px; }
    .columns tr.has-errors td { background: var(--mat-sys-error-container); }
    .row-actions { white-space: nowrap; }
    .errors { list-style: none; padding: 8px 12px; margin: 8px 0; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .warning { display: flex; align-items: center; gap: 8px; color: var(--mat-sys-error); }
    .preview { font-family: 'Roboto Mono', ui-monospace, monospace; font-size: 13px; padding: 8px 12px; border-radius: 8px; overflow-x: auto;
      background: var(--mat-sys-surface-container); margin: 4px 0 8px; }
    .tag.off { background: #e0e0e0; color: #333; }
    .actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 16px 0; }
  `,
})
export class BankTemplateEditorPage implements OnInit {
  /** Route parameter; absent for a new template. */
  readonly code = input<string | undefined>();
  private readonly api = inject(BankTemplatesApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  protected readonly fields = TEMPLATE_FIELDS;
  protected readonly encodings = TEMPLATE_ENCODINGS;
  protected readonly delimiters = TEMPLATE_DELIMITERS;
  protected readonly takesFormat = takesFormat;
  protected readonly isFreeText = isFreeText;
  protected readonly missing = (f: TemplateForm) => missingFields(f.columns);
  protected readonly preview = headerPreview;

  protected readonly template = signal<BankTemplateDto | null>(null);
  protected readonly form = signal<TemplateForm | null>(null);
  protected readonly errors = signal<PlacedTemplateErrors>({ general: [], columns: {} });
  protected readonly error = signal<string | null>(null);
  /** The last save met someone else's newer version (409): offer to reload it. */
  protected readonly conflict = signal(false);
  protected readonly busy = signal(false);

  ngOnInit(): void {
    if (this.code()) this.reload();
    else this.form.set(newTemplateForm());
  }

  protected reload(): void {
    this.busy.set(true);
    this.api.get(this.template()?.code ?? this.code()!).subscribe({
      next: (t) => this.loaded(t),
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  private loaded(t: BankTemplateDto): void {
    this.template.set(t);
    this.form.set(templateToForm(t));
    this.clearErrors();
    this.busy.set(false);
  }

  protected columnErrors(index: number): TemplateProblemDto[] {
    return this.errors().columns[index] ?? [];
  }

  protected missingNames(f: TemplateForm): string {
    return this.missing(f).map((field) => this.translate.instant(`payments.templates.fieldName.${field}`)).join(this.language.language() === 'zh-CN' ? '、' : ', ');
  }

  /** A column that becomes an amount or a date gets a format that keeps the cents or the full date. */
  protected setField(column: ColumnForm, field: TemplateField): void {
    column.field = field;
    if (takesFormat(field) && !column.format.trim()) column.format = defaultFormat(field);
  }

  protected addColumn(): void {
    this.form()!.columns.push(newColumn());
    this.clearErrors();
  }

  protected removeColumn(index: number): void {
    this.form()!.columns.splice(index, 1);
    this.clearErrors();
  }

  protected move(index: number, delta: -1 | 1): void {
    if (moveColumn(this.form()!.columns, index, delta)) this.clearErrors();
  }

  /** Problems name columns by position, which adding, removing or moving columns changes. */
  private clearErrors(): void {
    this.errors.set({ general: [], columns: {} });
    this.error.set(null);
    this.conflict.set(false);
  }

  protected save(): void {
    const form = this.form();
    if (!form || this.busy()) return;
    const existing = this.template();
    const code = existing?.code ?? form.code.trim();
    this.busy.set(true);
    this.clearErrors();
    this.api.save(code, formToRequest(form, existing?.version ?? null)).subscribe({
      next: (saved) => {
        this.notify.success('payments.templates.saved', { name: saved.name });
        if (existing) this.loaded(saved);
        else void this.router.navigate(['/payments/templates', saved.code]);
      },
      error: (e) => {
        this.busy.set(false);
        const problems = templateErrors(e);
        if (problems) {
          this.errors.set(placeTemplateErrors(problems, form.columns.length));
          return;
        }
        this.conflict.set(!!existing && e instanceof ApiError && e.code === 'General.ConcurrencyConflict');
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }

  protected setActive(active: boolean): void {
    const t = this.template();
    if (!t || this.busy()) return;
    this.busy.set(true);
    (active ? this.api.activate(t.code) : this.api.deactivate(t.code)).subscribe({
      next: (updated) => {
        // Only the state and version changed on the server; keep what is being edited.
        this.template.set(updated);
        this.busy.set(false);
        this.notify.success(active ? 'payments.templates.activated' : 'payments.templates.deactivated', { name: updated.name });
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }
}
