import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { forkJoin, of } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ClaimsApi } from '../expenses/data/claims.api';
import { ExpenseCategory } from '../expenses/data/expenses.models';
import { PaymentsApi } from './data/payments.api';
import { AccountingMapping } from './data/payments.models';
import { LanguageService } from '../../core/i18n/language.service';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import { MappingForm, formToMapping, mappingToForm } from './accounting-mapping';

type AccountField = 'defaultExpenseAccount' | 'payableAccount' | 'bankAccount';

/** 会计科目映射: the accounts the journal (记账凭证) books reimbursements on. */
@Component({
  selector: 'app-accounting-mapping-page',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'payments.accounting.title' | translate }}</h1>
    <p>{{ 'payments.accounting.explain' | translate }}</p>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (form(); as f) {
      <form (submit)="$event.preventDefault(); save()" data-testid="mapping-form">
        <h2>{{ 'payments.accounting.expenseAccounts' | translate }}</h2>
        <div class="grid">
          @for (row of f.accounts; track row.category; let i = $index) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ categoryName(row.category) }}</mat-label>
              <input matInput [name]="'account-' + row.category" [value]="row.account" (input)="setAccount(i, $any($event.target).value)"
                [placeholder]="f.defaultExpenseAccount" autocomplete="off" />
            </mat-form-field>
          }
        </div>
        <p class="muted">{{ 'payments.accounting.emptyUsesDefault' | translate }}</p>
        <h2>{{ 'payments.accounting.general' | translate }}</h2>
        <div class="grid">
          @for (field of fields; track field) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'payments.accounting.' + field | translate }}</mat-label>
              <input matInput [name]="field" [value]="f[field]" (input)="setField(field, $any($event.target).value)" required autocomplete="off" />
            </mat-form-field>
          }
        </div>
        @if (entityOverrides() > 0) {
          <p class="muted" data-testid="mapping-entities">{{ 'payments.accounting.entityOverrides' | translate: { count: entityOverrides() } }}</p>
        }
        @if (error(); as message) {
          <div class="form-error" role="alert" data-testid="form-error">{{ message }}</div>
        }
        <div class="actions">
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="mapping-save"><mat-icon>save</mat-icon>{{ 'common.save' | translate }}</button>
        </div>
      </form>
    }
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px 16px; margin: 8px 0; }
    h2 { font: var(--mat-sys-title-medium); margin: 24px 0 8px; }
    .actions { display: flex; gap: 8px; margin: 16px 0; }
  `,
})
export class AccountingMappingPage {
  private readonly payments = inject(PaymentsApi);
  private readonly claims = inject(ClaimsApi);
  private readonly language = inject(LanguageService);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly fields: readonly AccountField[] = ['defaultExpenseAccount', 'payableAccount', 'bankAccount'];
  protected readonly form = signal<MappingForm | null>(null);
  protected readonly busy = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly entityOverrides = signal(0);
  private readonly categories = signal<ExpenseCategory[]>([]);
  private original: AccountingMapping | null = null;

  constructor() {
    forkJoin({
      mapping: this.payments.accountingMapping(),
      categories: this.claims.categories().pipe(catchError(() => of([] as ExpenseCategory[]))),
    }).subscribe({
      next: ({ mapping, categories }) => {
        this.categories.set(categories);
        this.apply(mapping);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  protected categoryName(code: string): string {
    const c = this.categories().find((x) => x.code.toLowerCase() === code.toLowerCase());
    if (!c) return code;
    return `${this.language.language() === 'zh-CN' ? c.nameZh : c.nameEn} (${c.code})`;
  }

  protected setAccount(index: number, value: string): void {
    this.form.update((f) => f && { ...f, accounts: f.accounts.map((r, i) => (i === index ? { ...r, account: value } : r)) });
  }

  protected setField(field: AccountField, value: string): void {
    this.form.update((f) => f && { ...f, [field]: value });
  }

  protected save(): void {
    const f = this.form();
    if (!f || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.payments.saveAccountingMapping(formToMapping(f, this.original)).subscribe({
      next: (saved) => {
        this.apply(saved);
        this.busy.set(false);
        this.notify.success('payments.accounting.saved');
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }

  private apply(mapping: AccountingMapping): void {
    this.original = mapping;
    this.entityOverrides.set(Object.keys(mapping.legalEntities ?? {}).length);
    this.form.set(mappingToForm(mapping, this.categories().map((c) => c.code)));
  }
}
