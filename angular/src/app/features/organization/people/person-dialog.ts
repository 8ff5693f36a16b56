import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, firstValueFrom, forkJoin, of } from 'rxjs';
import { CostCentresApi } from '../data/cost-centres.api';
import { DepartmentsApi } from '../data/departments.api';
import { GradesApi } from '../data/grades.api';
import { BankAccount, CostCentre, Department, Grade, Person, PersonInput, ROLES } from '../data/organization.models';
import { PeopleApi } from '../data/people.api';
import { errorMessage } from '../../../shared/notify.service';
import { PersonPicker } from '../../../shared/person-picker';
import { applyServerErrors, serverError } from '../../../shared/server-errors';
import { RoleTags } from '../role-tags';
import { BankAccountsPanel } from './bank-accounts-panel';

export interface PersonDialogData {
  /** null to create a new person. */
  personId: string | null;
}

@Component({
  selector: 'app-person-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, PersonPicker, RoleTags, RouterLink, TranslatePipe, BankAccountsPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './person-dialog.html',
  styles: `
    .pending-notice {
      display: flex; gap: 12px; align-items: flex-start; padding: 12px 16px; margin-bottom: 16px; border-radius: 8px;
      background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container);
      p { margin: 0 0 4px; }
      .lead { font-weight: 500; }
    }
  `,
})
export class PersonDialog {
  protected readonly data = inject<PersonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<PersonDialog>);
  private readonly people = inject(PeopleApi);
  private readonly translate = inject(TranslateService);

  protected readonly roles = ROLES;
  protected readonly isNew = this.data.personId === null;
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly departments = signal<Department[]>([]);
  protected readonly grades = signal<Grade[]>([]);
  protected readonly costCentres = signal<CostCentre[]>([]);
  protected readonly bankAccounts = signal<BankAccount[]>([]);
  protected readonly managerName = signal<string | null>(null);
  /** Roles asked for that wait for a second administrator; the person does not hold them yet. */
  protected readonly pendingRoles = signal<string[]>([]);
  /**
   * The saved person when the save held roles back: the dialog stays open so the administrator reads why, instead of
   * a snackbar that vanishes; closing it then reloads the list.
   */
  protected readonly savedWithPending = signal<Person | null>(null);
  protected readonly pendingMessage = computed(() => {
    const lang = this.translate.currentLang();
    const roles = this.pendingRoles();
    if (!roles.length) return '';
    const names = roles.map((r) => this.translate.instant(`roles.${r}`)).join(lang === 'zh-CN' ? '、' : ', ');
    return this.translate.instant(roles.length === 1 ? 'people.pendingRoles.one' : 'people.pendingRoles.many', { roles: names });
  });
  protected readonly serverError = serverError;

  protected readonly form = new FormGroup({
    employeeNo: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(32)] }),
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    phone: new FormControl<string | null>(null),
    departmentId: new FormControl<string | null>(null),
    gradeCode: new FormControl<string | null>(null),
    managerId: new FormControl<string | null>(null),
    costCentreCode: new FormControl<string | null>(null),
    roles: new FormControl<string[]>(['Employee'], { nonNullable: true }),
    initialPassword: new FormControl('', { nonNullable: true }),
  });

  protected readonly newPassword = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly passwordMessage = signal<string | null>(null);

  constructor() {
    if (this.isNew) this.form.controls.initialPassword.addValidators(Validators.required);
    void this.load();
  }

  private async load(): Promise<void> {
    const lookups = forkJoin({
      departments: inject(DepartmentsApi).list().pipe(catchError(() => of([]))),
      grades: inject(GradesApi).list().pipe(catchError(() => of([]))),
      costCentres: inject(CostCentresApi).list().pipe(catchError(() => of([]))),
    });
    try {
      const [l, person] = await Promise.all([
        firstValueFrom(lookups),
        this.data.personId ? firstValueFrom(this.people.get(this.data.personId)) : Promise.resolve(null),
      ]);
      this.departments.set(l.departments);
      this.grades.set([...l.grades].sort((a, b) => a.rank - b.rank));
      this.costCentres.set(l.costCentres);
      if (person) this.fill(person);
    } catch (e) {
      this.formError.set(errorMessage(e, this.translate.instant('errors.unknown')));
    } finally {
      this.loading.set(false);
    }
  }

  private fill(p: Person): void {
    this.form.patchValue({
      employeeNo: p.employeeNo,
      displayName: p.displayName,
      email: p.email,
      phone: p.phone,
      departmentId: p.departmentId,
      gradeCode: p.gradeCode,
      managerId: p.managerId,
      costCentreCode: p.costCentreCode,
      roles: p.roles,
    });
    this.managerName.set(p.managerName);
    this.bankAccounts.set(p.bankAccounts ?? []);
    this.pendingRoles.set(p.pendingRoles ?? []);
  }

  protected async setPassword(): Promise<void> {
    if (!this.data.personId || this.newPassword.invalid) {
      this.newPassword.markAsTouched();
      return;
    }
    this.passwordMessage.set(null);
    try {
      await firstValueFrom(this.people.setPassword(this.data.personId, this.newPassword.value));
      this.newPassword.reset();
      this.passwordMessage.set(this.translate.instant('people.passwordSet'));
    } catch (e) {
      const message = errorMessage(e, this.translate.instant('errors.unknown'));
      this.newPassword.setErrors({ server: message });
      this.newPassword.markAsTouched();
    }
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const { initialPassword, ...rest } = this.form.getRawValue();
    const input: PersonInput = { ...rest, phone: rest.phone || null };
    try {
      const saved = this.data.personId
        ? await firstValueFrom(this.people.update(this.data.personId, input))
        : await firstValueFrom(this.people.create({ ...input, initialPassword }));
      if (saved.pendingRoles?.length) {
        // Saved, but not everything took effect: show what the person holds now and what waits.
        this.fill(saved);
        this.form.disable();
        this.savedWithPending.set(saved);
      } else {
        this.ref.close(saved);
      }
    } catch (e) {
      this.formError.set(applyServerErrors(this.form, e, this.translate.instant('errors.unknown')));
    } finally {
      this.saving.set(false);
    }
  }
}
