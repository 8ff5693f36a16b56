import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { forkJoin, of } from 'rxjs';
import { catchError } from 'rxjs/operators';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { ExpensePolicyApi } from './data/expense-policy.api';
import { POLICY_SEVERITIES, PolicySettings, PolicySeverity, TravelClassRule } from './data/expenses.models';
import { GradesApi } from '../organization/data/grades.api';
import { Grade } from '../organization/data/organization.models';
import { NotifyService } from '../../shared/notify.service';
import { TravelClassEditor } from './travel-class-editor';

type SeverityField = 'buyerCheck' | 'invoiceDateWindow' | 'categoryLimits' | 'receiptRequired' | 'travelPolicy';

/** The rules' severities in the order the page shows them, the travel policy (差标) with the others. */
export const SEVERITY_FIELDS: readonly SeverityField[] = ['buyerCheck', 'invoiceDateWindow', 'categoryLimits', 'receiptRequired', 'travelPolicy'];

/** Replaces the saved rule in the list (or adds it): the list stays as the server orders it, everyone-else first. */
export function withRule(rules: readonly TravelClassRule[], saved: TravelClassRule): TravelClassRule[] {
  const rest = rules.filter((r) => (r.gradeCode ?? '') !== (saved.gradeCode ?? ''));
  return [...rest, saved].sort((a, b) => (a.gradeCode === null ? -1 : b.gradeCode === null ? 1 : a.gradeCode < b.gradeCode ? -1 : 1));
}

/** Expense policy (Expenses.ManagePolicy): how strictly each rule applies, and 差标 per grade. */
@Component({
  selector: 'app-policy-page',
  imports: [MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, TranslatePipe, TravelClassEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './policy.page.html',
  styleUrl: './policy.page.scss',
})
export class PolicyPage {
  private readonly api = inject(ExpensePolicyApi);
  private readonly notify = inject(NotifyService);

  protected readonly severityFields = SEVERITY_FIELDS;
  protected readonly severities = POLICY_SEVERITIES;
  protected readonly settings = signal<PolicySettings | null>(null);
  protected readonly rules = signal<TravelClassRule[]>([]);
  protected readonly grades = signal<Grade[]>([]);
  protected readonly busy = signal(true);
  /** The rule open in the editor: a grade code ('' = everyone else), 'new', or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly takenGrades = computed(() => this.rules().map((r) => r.gradeCode ?? ''));

  constructor() {
    forkJoin({
      settings: this.api.settings(),
      rules: this.api.travelClasses(),
      grades: inject(GradesApi).list().pipe(catchError(() => of([] as Grade[]))),
    }).subscribe({
      next: ({ settings, rules, grades }) => {
        this.settings.set({ ...settings, travelPolicy: settings.travelPolicy ?? 'Warn' });
        this.rules.set(rules);
        this.grades.set([...grades].sort((a, b) => a.rank - b.rank));
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  protected severity(field: SeverityField): PolicySeverity {
    return this.settings()?.[field] ?? 'Warn';
  }

  protected setSeverity(field: SeverityField, value: PolicySeverity): void {
    this.set({ [field]: value });
  }

  protected set(patch: Partial<PolicySettings>): void {
    this.settings.update((s) => (s ? { ...s, ...patch } : s));
  }

  protected gradeName(code: string | null): string {
    return this.grades().find((g) => g.code === code)?.name ?? '';
  }

  protected ruleFor(key: string): TravelClassRule | null {
    return this.rules().find((r) => (r.gradeCode ?? '') === key) ?? null;
  }

  saveSettings(): void {
    const s = this.settings();
    if (!s || this.busy()) return;
    this.busy.set(true);
    this.api.saveSettings(s).subscribe({
      next: (saved) => {
        this.settings.set(saved);
        this.busy.set(false);
        this.notify.success('expenses.policy.saved');
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  saveRule(rule: TravelClassRule): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api.saveTravelClasses(rule).subscribe({
      next: (saved) => {
        this.rules.update((all) => withRule(all, saved));
        this.editing.set(null);
        this.busy.set(false);
        this.notify.success('expenses.policy.ruleSaved');
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }
}
