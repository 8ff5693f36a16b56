import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Observable, firstValueFrom } from 'rxjs';
import { PersonPicker, PersonSource } from './person-picker';
import { applyServerErrors, serverError } from './server-errors';

export interface FieldOption {
  value: string | null;
  /** Shown as is (data, not a translation key). */
  label: string;
}

export interface FieldDef {
  key: string;
  /** Translation key. */
  label: string;
  type: 'text' | 'number' | 'checkbox' | 'date' | 'textarea' | 'select' | 'person';
  required?: boolean;
  maxLength?: number;
  /** Cannot change once created (e.g. a code used in the URL). */
  lockedOnEdit?: boolean;
  options?: FieldOption[];
  /** For type person: the name to show for the initial id. */
  initialName?: string | null;
  /** For type person: `lookup` lets employees without People.Read pick colleagues (default `people`). */
  personSource?: PersonSource;
  hint?: string;
}

export interface FormDialogData<T> {
  /** Translation key. */
  title: string;
  fields: FieldDef[];
  value?: Partial<T>;
  editing: boolean;
  save: (value: T) => Observable<unknown>;
}

/**
 * A small create/edit form for flat records (grades, cost centres, legal entities, departments, delegations).
 * The server's ProblemDetails `detail` shows at the top and its `errors` under the matching fields.
 */
@Component({
  selector: 'app-form-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, PersonPicker, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './form-dialog.html',
})
export class FormDialog<T extends object> {
  protected readonly data = inject<FormDialogData<T>>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<FormDialog<T>>);
  private readonly translate = inject(TranslateService);

  protected readonly form = new FormGroup<Record<string, FormControl>>({});
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly serverError = serverError;

  constructor() {
    for (const f of this.data.fields) {
      const validators: ValidatorFn[] = [];
      if (f.required) validators.push(f.type === 'checkbox' ? Validators.requiredTrue : Validators.required);
      if (f.maxLength) validators.push(Validators.maxLength(f.maxLength));
      const initial = (this.data.value as Record<string, unknown> | undefined)?.[f.key];
      const empty = f.type === 'checkbox' ? false : f.type === 'text' || f.type === 'textarea' ? '' : null;
      const control = new FormControl(initial ?? empty, validators);
      if (this.data.editing && f.lockedOnEdit) control.disable();
      this.form.addControl(f.key, control);
    }
  }

  protected control(key: string): FormControl {
    return this.form.controls[key];
  }

  /** The form's value as the API wants it: numbers as numbers, blank optional text as null. */
  private value(): T {
    const raw = this.form.getRawValue() as Record<string, unknown>;
    for (const f of this.data.fields) {
      const v = raw[f.key];
      if (f.type === 'number' && v !== null && v !== '') raw[f.key] = Number(v);
      else if ((f.type === 'text' || f.type === 'textarea' || f.type === 'date') && !f.required && v === '') raw[f.key] = null;
    }
    return raw as T;
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    try {
      const result = await firstValueFrom(this.data.save(this.value()), { defaultValue: null });
      this.ref.close(result ?? true);
    } catch (error) {
      this.formError.set(applyServerErrors(this.form, error, this.translate.instant('errors.unknown')));
    } finally {
      this.saving.set(false);
    }
  }
}
