import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { AccountChangesApi } from '../organization/data/account-changes.api';
import { BankAccountChange } from '../organization/data/organization.models';
import { AuthService } from '../../core/auth/auth.service';
import { NotifyService, errorMessage } from '../../shared/notify.service';

/** Nobody decides a change they made or a change to their own accounts; the server refuses it too (403). */
export function mayDecide(change: BankAccountChange, personId: string | null | undefined): boolean {
  return !!personId && change.madeBy !== personId && change.personId !== personId;
}

/**
 * Finance confirms or rejects changes to where people are paid (GET/POST /api/organization/bank-account-changes):
 * pending ones are never paid to until decided; an owner's own change in its waiting period may be confirmed early.
 */
@Component({
  selector: 'app-account-changes-page',
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'payments.accountChanges.title' | translate }}</h1>
      <button mat-button type="button" (click)="load()" data-testid="changes-refresh"><mat-icon>refresh</mat-icon>{{ 'payments.recon.refresh' | translate }}</button>
    </div>
    <p>{{ 'payments.accountChanges.explain' | translate }}</p>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @for (c of changes(); track c.id) {
      <section class="change" data-testid="account-change-item" [attr.data-change-id]="c.id" [attr.data-awaiting]="c.awaiting">
        <div class="change-head">
          <strong>{{ c.personName }}</strong> <span class="muted">{{ c.employeeNo }}</span>
          <span class="tag">{{ 'payments.accountChanges.kind.' + c.kind | translate }}</span>
          @if (c.makesDefault && c.kind !== 'MadeDefault') { <span class="tag">{{ 'payments.accountChanges.makesDefault' | translate }}</span> }
        </div>
        <dl class="facts">
          <div><dt>{{ 'payments.accountChanges.account' | translate }}</dt>
            <dd><span class="mono" data-testid="change-account">{{ c.accountNumber || c.accountNumberMasked }}</span> · {{ c.accountName }} · {{ c.bankName }}@if (c.cnapsCode) { · {{ c.cnapsCode }} }</dd></div>
          <div><dt>{{ 'payments.accountChanges.madeBy' | translate }}</dt><dd data-testid="change-made-by">{{ c.madeByName || '—' }} <span class="muted">{{ c.madeAt | date: 'yyyy-MM-dd HH:mm' }}</span></dd></div>
        </dl>
        <p class="awaiting">
          @if (c.awaiting === 'Period') {
            {{ 'payments.accountChanges.awaiting.Period' | translate: { date: (c.clearsAt | date: 'yyyy-MM-dd HH:mm') } }}
          } @else {
            {{ 'payments.accountChanges.awaiting.Confirmation' | translate }}
          }
        </p>
        @if (mayDecide(c)) {
          <div class="row-actions">
            <button mat-flat-button type="button" (click)="confirm(c)" [disabled]="busy() === c.id" data-testid="change-confirm">
              <mat-icon>verified_user</mat-icon>{{ 'payments.accountChanges.confirm' | translate }}
            </button>
            @if (c.awaiting === 'Confirmation') {
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'payments.accountChanges.rejectNote' | translate }}</mat-label>
                <input matInput [ngModel]="notes()[c.id] ?? ''" (ngModelChange)="setNote(c.id, $event)" [name]="'note-' + c.id" data-testid="change-note" />
              </mat-form-field>
              <button mat-stroked-button type="button" (click)="reject(c)" [disabled]="busy() === c.id" data-testid="change-reject">
                <mat-icon>block</mat-icon>{{ 'payments.accountChanges.reject' | translate }}
              </button>
            }
          </div>
        } @else {
          <p class="muted" data-testid="change-own">{{ 'payments.accountChanges.own' | translate }}</p>
        }
        @if (errors()[c.id]; as message) { <div class="form-error" role="alert">{{ message }}</div> }
      </section>
    } @empty {
      @if (!loading()) { <p class="muted" data-testid="changes-none">{{ 'payments.accountChanges.none' | translate }}</p> }
    }
  `,
  styles: `
    .change { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin: 12px 0; max-width: 960px; }
    .change-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
    .facts { display: flex; flex-wrap: wrap; gap: 8px 32px; margin: 8px 0; }
    .facts dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .facts dd { margin: 0; }
    .awaiting { margin: 4px 0; }
    .row-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  `,
})
export class AccountChangesPage {
  private readonly api = inject(AccountChangesApi);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly changes = signal<BankAccountChange[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly notes = signal<Record<string, string>>({});
  protected readonly errors = signal<Record<string, string>>({});
  private readonly me = computed(() => this.auth.currentUser()?.personId ?? null);

  constructor() {
    this.load();
  }

  protected mayDecide(change: BankAccountChange): boolean {
    return mayDecide(change, this.me());
  }

  protected setNote(id: string, note: string): void {
    this.notes.update((n) => ({ ...n, [id]: note }));
  }

  load(): void {
    this.loading.set(true);
    this.api.open().subscribe({
      next: (c) => {
        this.changes.set(c);
        this.loading.set(false);
      },
      error: (e) => {
        this.loading.set(false);
        this.notify.error(e);
      },
    });
  }

  protected confirm(change: BankAccountChange): Promise<void> {
    return this.decide(change, () => firstValueFrom(this.api.confirm(change.id)), 'payments.accountChanges.confirmed');
  }

  protected reject(change: BankAccountChange): Promise<void> {
    const note = this.notes()[change.id]?.trim() || null;
    return this.decide(change, () => firstValueFrom(this.api.reject(change.id, note)), 'payments.accountChanges.rejected');
  }

  /** A decision someone else took first (409) is shown on the item; the list is then read again. */
  private async decide(change: BankAccountChange, action: () => Promise<unknown>, done: string): Promise<void> {
    this.busy.set(change.id);
    this.errors.update((e) => ({ ...e, [change.id]: '' }));
    try {
      await action();
      this.notify.success(done);
      this.load();
    } catch (e) {
      this.errors.update((all) => ({ ...all, [change.id]: errorMessage(e, this.translate.instant('errors.unknown')) }));
    } finally {
      this.busy.set(null);
    }
  }
}
