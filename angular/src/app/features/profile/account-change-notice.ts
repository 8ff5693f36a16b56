import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { AccountChangesApi } from '../organization/data/account-changes.api';
import { BankAccountLogEntry } from '../organization/data/organization.models';

/** What of an account log the owner must be told: every line someone else wrote (a change, a decision, a removal). */
export function byOthers(log: readonly BankAccountLogEntry[]): BankAccountLogEntry[] {
  return log.filter((l) => !l.byOwner);
}

/**
 * The owner's notice of changes to their bank accounts made by someone else (an administrator, an import, a finance
 * decision), from the append-only audit log. Shown on the profile until a notification centre exists.
 */
@Component({
  selector: 'app-account-change-notice',
  imports: [DatePipe, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length > 0) {
      <section class="notice" role="status" data-testid="account-change-notice">
        <h3><mat-icon inline>notification_important</mat-icon> {{ 'profile.accountNotice.title' | translate }}</h3>
        <ul>
          @for (e of entries(); track e.id) {
            <li data-testid="account-change-entry" [attr.data-type]="e.type" [attr.data-outcome]="e.outcome">
              {{ 'profile.accountNotice.entry' | translate: {
                date: (e.at | date: 'yyyy-MM-dd HH:mm'), actor: e.actorName || '—',
                what: ('profile.accountNotice.type.' + e.type | translate), account: e.accountNumberMasked + ' · ' + e.bankName } }}
              @if (e.outcome === 'Pending') { <span class="tag">{{ 'profile.accountNotice.pending' | translate }}</span> }
              @if (e.note) { <span class="muted"> — {{ e.note }}</span> }
            </li>
          }
        </ul>
        <p class="muted">{{ 'profile.accountNotice.explain' | translate }}</p>
      </section>
    }
  `,
  styles: `
    .notice { max-width: 720px; margin: 0 0 16px; padding: 12px 16px; border-radius: 12px;
      background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    h3 { margin: 0 0 8px; font: var(--mat-sys-title-small); }
    ul { margin: 0; padding-left: 20px; }
    p { margin: 8px 0 0; }
  `,
})
export class AccountChangeNotice {
  private readonly api = inject(AccountChangesApi);

  readonly personId = input.required<string>();
  /** Bumped by the page when the owner changed their accounts, to read the log again. */
  readonly version = input(0);

  private readonly log = signal<BankAccountLogEntry[]>([]);
  protected readonly entries = computed(() => byOthers(this.log()));

  constructor() {
    effect(() => {
      const id = this.personId();
      this.version();
      // A failed read leaves the notice empty rather than breaking the profile; the log is still there to read.
      this.api.log(id).subscribe({ next: (l) => this.log.set(l), error: () => this.log.set([]) });
    });
  }
}
