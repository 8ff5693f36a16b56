import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { BankAccount, Person } from '../organization/data/organization.models';
import { PeopleApi } from '../organization/data/people.api';
import { AuthService } from '../../core/auth/auth.service';
import { errorMessage } from '../../shared/notify.service';
import { BankAccountsPanel } from '../organization/people/bank-accounts-panel';
import { AccountChangeNotice } from './account-change-notice';

/** The signed-in person's own record and reimbursement accounts (which the owner may add and remove). */
@Component({
  selector: 'app-profile-page',
  imports: [MatCardModule, MatProgressBarModule, TranslatePipe, BankAccountsPanel, AccountChangeNotice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'profile.title' | translate }}</h1>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error(); as message) { <div class="form-error" role="alert">{{ message }}</div> }
    @if (person(); as p) {
      <app-account-change-notice [personId]="p.id" [version]="accounts().length" />
      <mat-card appearance="outlined" class="profile-card">
        <mat-card-content>
          <dl class="facts" data-testid="profile-facts">
            <dt>{{ 'people.displayName' | translate }}</dt><dd>{{ p.displayName }}</dd>
            <dt>{{ 'people.employeeNo' | translate }}</dt><dd>{{ p.employeeNo }}</dd>
            <dt>{{ 'people.email' | translate }}</dt><dd>{{ p.email }}</dd>
            <dt>{{ 'people.phone' | translate }}</dt><dd>{{ p.phone || '—' }}</dd>
            <dt>{{ 'people.department' | translate }}</dt><dd>{{ p.departmentName || '—' }}</dd>
            <dt>{{ 'people.grade' | translate }}</dt><dd>{{ p.gradeCode || '—' }}</dd>
            <dt>{{ 'people.manager' | translate }}</dt><dd>{{ p.managerName || '—' }}</dd>
            <dt>{{ 'people.costCentre' | translate }}</dt><dd>{{ p.costCentreCode || '—' }}</dd>
            <dt>{{ 'people.roles' | translate }}</dt>
            <dd>@for (r of p.roles; track r) { <span class="tag">{{ 'roles.' + r | translate }}</span> }</dd>
          </dl>
        </mat-card-content>
      </mat-card>
      <app-bank-accounts-panel [personId]="p.id" [(accounts)]="accounts" />
    }
  `,
  styles: `
    .profile-card { margin-bottom: 16px; max-width: 720px; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 8px 24px; margin: 0; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
  `,
})
export class ProfilePage {
  private readonly people = inject(PeopleApi);
  private readonly translate = inject(TranslateService);

  protected readonly person = signal<Person | null>(null);
  protected readonly accounts = signal<BankAccount[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load(inject(AuthService).currentUser()?.personId ?? null);
  }

  private async load(personId: string | null): Promise<void> {
    try {
      if (!personId) {
        this.error.set(this.translate.instant('profile.noPerson'));
        return;
      }
      const person = await firstValueFrom(this.people.get(personId));
      this.person.set(person);
      this.accounts.set(person.bankAccounts ?? []);
    } catch (e) {
      this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
    } finally {
      this.loading.set(false);
    }
  }
}
