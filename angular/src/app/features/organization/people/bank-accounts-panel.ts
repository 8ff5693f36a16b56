import { ChangeDetectionStrategy, Component, inject, input, model, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { BankAccount } from '../data/organization.models';
import { PeopleApi } from '../data/people.api';
import { applyServerErrors, serverError } from '../../../shared/server-errors';

/** A person's reimbursement accounts: masked numbers (full only when the server sends them), add and remove. */
@Component({
  selector: 'app-bank-accounts-panel',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bank-accounts-panel.html',
})
export class BankAccountsPanel {
  private readonly people = inject(PeopleApi);
  private readonly translate = inject(TranslateService);

  readonly personId = input.required<string>();
  readonly accounts = model.required<BankAccount[]>();

  protected readonly revealed = signal<ReadonlySet<string>>(new Set());
  protected readonly adding = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The last change waits for a finance user (someone else's change, or a second one within the waiting period). */
  protected readonly pendingNotice = signal(false);
  protected readonly serverError = serverError;
  protected readonly form = new FormGroup({
    bankName: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    accountName: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    accountNumber: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[0-9 ]{8,40}$/)] }),
    cnapsCode: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^[0-9]{12}$/)] }),
    isDefault: new FormControl(false, { nonNullable: true }),
  });

  protected toggleReveal(id: string): void {
    this.revealed.update((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected async add(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.run(async () => {
      const value = this.form.getRawValue();
      const added = await firstValueFrom(this.people.addBankAccount(this.personId(), { ...value, accountNumber: value.accountNumber.replace(/\s/g, ''), cnapsCode: value.cnapsCode || null }));
      this.pendingNotice.set(added?.status === 'Pending');
      this.form.reset();
      this.adding.set(false);
    });
  }

  protected async remove(account: BankAccount): Promise<void> {
    if (!confirm(this.translate.instant('bank.confirmDelete', { number: account.accountNumberMasked }))) return;
    await this.run(() => firstValueFrom(this.people.deleteBankAccount(this.personId(), account.id)));
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      this.accounts.set(await firstValueFrom(this.people.bankAccounts(this.personId())));
    } catch (e) {
      this.error.set(applyServerErrors(this.form, e, this.translate.instant('errors.unknown')));
    } finally {
      this.busy.set(false);
    }
  }
}
