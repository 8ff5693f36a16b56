import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { DelegationsApi } from '../organization/data/delegations.api';
import { Delegation, DelegationInput } from '../organization/data/organization.models';
import { AuthService } from '../../core/auth/auth.service';
import { FormDialogData } from '../../shared/form-dialog';
import { ReferenceRows } from '../../shared/reference-rows';

/** Splits the delegations the server lists into those I gave and those given to me. */
export function splitDelegations(all: readonly Delegation[], personId: string | null | undefined) {
  return {
    mine: all.filter((d) => d.fromPersonId === personId),
    forMe: all.filter((d) => d.toPersonId === personId && d.fromPersonId !== personId),
  };
}

/** Out of office (代理): while I am away, my delegate decides my approval tasks; I see whom I act for. */
@Component({
  selector: 'app-out-of-office-page',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'approvals.ooo.title' | translate }}</h1>
      <button mat-flat-button type="button" (click)="create()" data-testid="ooo-new"><mat-icon>add</mat-icon>{{ 'approvals.ooo.new' | translate }}</button>
    </div>
    <p class="muted">{{ 'approvals.ooo.explain' | translate }}</p>

    <h2>{{ 'approvals.ooo.mine' | translate }}</h2>
    <table class="simple-table" data-testid="ooo-mine">
      <thead>
        <tr><th>{{ 'approvals.ooo.to' | translate }}</th><th>{{ 'delegations.period' | translate }}</th><th>{{ 'delegations.reason' | translate }}</th><th></th></tr>
      </thead>
      <tbody>
        @for (d of groups().mine; track d.id) {
          <tr data-testid="ooo-row">
            <td>{{ d.toName }}</td>
            <td>{{ d.startDate }} – {{ d.endDate }}</td>
            <td>{{ d.reason }}</td>
            <td><button mat-icon-button type="button" (click)="remove(d)" [attr.aria-label]="'common.delete' | translate" data-testid="ooo-delete"><mat-icon>delete</mat-icon></button></td>
          </tr>
        } @empty {
          <tr><td colspan="4" class="empty">{{ 'approvals.ooo.none' | translate }}</td></tr>
        }
      </tbody>
    </table>

    @if (groups().forMe.length) {
      <h2>{{ 'approvals.ooo.forMe' | translate }}</h2>
      <table class="simple-table" data-testid="ooo-for-me">
        <thead>
          <tr><th>{{ 'approvals.ooo.from' | translate }}</th><th>{{ 'delegations.period' | translate }}</th><th>{{ 'delegations.reason' | translate }}</th></tr>
        </thead>
        <tbody>
          @for (d of groups().forMe; track d.id) {
            <tr><td>{{ d.fromName }}</td><td>{{ d.startDate }} – {{ d.endDate }}</td><td>{{ d.reason }}</td></tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `h2 { font: var(--mat-sys-title-medium); margin: 20px 0 4px; }`,
})
export class OutOfOfficePage {
  private readonly api = inject(DelegationsApi);
  private readonly auth = inject(AuthService);
  private readonly ref = new ReferenceRows<Delegation>(() => this.api.list());

  protected readonly groups = computed(() => splitDelegations(this.ref.rows(), this.auth.currentUser()?.personId));

  constructor() {
    this.ref.load();
  }

  protected create(): void {
    const data: FormDialogData<DelegationInput> = {
      title: 'approvals.ooo.new',
      editing: false,
      fields: [
        // The colleague lookup, not the people list: plain employees lack Organization.People.Read.
        { key: 'toPersonId', label: 'approvals.ooo.to', type: 'person', required: true, personSource: 'lookup' },
        { key: 'startDate', label: 'delegations.startDate', type: 'date', required: true },
        { key: 'endDate', label: 'delegations.endDate', type: 'date', required: true },
        { key: 'reason', label: 'delegations.reason', type: 'textarea', maxLength: 500 },
      ],
      // fromPersonId null: the signed-in user delegates.
      save: (v) => this.api.create({ ...v, fromPersonId: null }),
    };
    this.ref.edit(data, '560px');
  }

  protected remove(d: Delegation): void {
    void this.ref.remove('approvals.ooo.confirmDelete', { to: d.toName, from: d.startDate, until: d.endDate }, () => this.api.delete(d.id));
  }
}
