import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnDestroy, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { ROLE_GRANT_STATUSES, RoleGrant, RoleGrantStatus } from '../data/organization.models';
import { RoleGrantsApi } from '../data/role-grants.api';
import { AuthService } from '../../../core/auth/auth.service';
import { NotifyService, errorMessage } from '../../../shared/notify.service';
import { RoleTags } from '../role-tags';

/**
 * The translation of a grant's reason ("SelfGrant", "Conflict:Admin+Finance"), with the role names for a conflict
 * the portal has no dedicated text for; null for a reason it does not know (then the raw code is shown).
 */
export function grantReason(reason: string): { key: string; roles?: [string, string] } | null {
  if (reason === 'SelfGrant') return { key: 'roleGrants.reason.selfGrant' };
  const conflict = /^Conflict:(\w+)\+(\w+)$/.exec(reason);
  if (!conflict) return null;
  const pair: [string, string] = [conflict[1], conflict[2]];
  if ([...pair].sort().join('+') === 'Admin+Finance') return { key: 'roleGrants.reason.conflictAdminFinance' };
  return { key: 'roleGrants.reason.conflict', roles: pair };
}

/**
 * Administrators decide the role grants one administrator alone could not give. One stacked block per grant (no wide
 * table), so the page reads the same on a phone; the server's refusal (403 for the requester or the person, 409 when
 * someone decided first) stays next to the grant it concerns.
 */
@Component({
  selector: 'app-role-grants-page',
  imports: [DatePipe, MatButtonModule, MatButtonToggleModule, MatIconModule, MatProgressBarModule, RoleTags, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'roleGrants.title' | translate }}</h1>
      <button mat-button type="button" (click)="load()" data-testid="grants-refresh"><mat-icon>refresh</mat-icon>{{ 'roleGrants.refresh' | translate }}</button>
    </div>
    <p class="muted">{{ 'roleGrants.explain' | translate }}</p>
    <mat-button-toggle-group [value]="status()" (change)="setStatus($event.value)" name="status" [attr.aria-label]="'roleGrants.show' | translate" data-testid="grants-status">
      @for (s of statuses; track s) {
        <mat-button-toggle [value]="s" [attr.data-status]="s">{{ 'roleGrants.status.' + s | translate }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (loadError(); as message) {
      <div class="form-error" role="alert" data-testid="form-error">{{ message }}</div>
    }
    @for (g of grants(); track g.id) {
      <section class="grant" data-testid="role-grant" [attr.data-grant-id]="g.id" [attr.data-status]="g.status" [attr.data-reason]="g.reason">
        <div class="grant-head">
          <h2 data-testid="grant-person">{{ g.personName }}</h2>
          <app-role-tags [roles]="g.status === 'Pending' ? [] : g.roles" [pending]="g.status === 'Pending' ? g.roles : []" />
        </div>
        <dl class="facts">
          <div><dt>{{ 'roleGrants.reason.label' | translate }}</dt><dd data-testid="grant-reason">{{ reasonText(g.reason) }}</dd></div>
          <div><dt>{{ 'roleGrants.requestedBy' | translate }}</dt><dd data-testid="grant-requested-by">{{ g.requestedByName }}</dd></div>
          <div>
            <dt>{{ 'roleGrants.requestedAt' | translate }}</dt>
            <dd data-testid="grant-requested-at"><time [attr.datetime]="g.requestedAt">{{ g.requestedAt | date: 'yyyy-MM-dd HH:mm' }}</time></dd>
          </div>
          @if (g.decidedAt) {
            <div>
              <dt>{{ 'roleGrants.decidedAt' | translate }}</dt>
              <dd data-testid="grant-decided-at"><time [attr.datetime]="g.decidedAt">{{ g.decidedAt | date: 'yyyy-MM-dd HH:mm' }}</time></dd>
            </div>
          }
        </dl>
        @if (errors()[g.id]; as message) {
          <div class="form-error" role="alert" data-testid="grant-error">{{ message }}</div>
        }
        @if (g.status === 'Pending') {
          @if (isMine(g)) {
            <p class="muted" data-testid="grant-not-yours">{{ 'roleGrants.notYours' | translate }}</p>
          }
          <div class="row-actions">
            <button mat-stroked-button type="button" (click)="decide(g, false)" [disabled]="deciding() !== null || isMine(g)" data-testid="grant-reject">
              <mat-icon>block</mat-icon>{{ 'roleGrants.reject' | translate }}
            </button>
            <button mat-flat-button type="button" (click)="decide(g, true)" [disabled]="deciding() !== null || isMine(g)" data-testid="grant-confirm">
              <mat-icon>check</mat-icon>{{ 'roleGrants.confirm' | translate }}
            </button>
          </div>
        }
      </section>
    } @empty {
      @if (!loading() && !loadError()) {
        <p class="muted" data-testid="grants-empty">{{ (status() === 'Pending' ? 'roleGrants.empty' : 'common.noData') | translate }}</p>
      }
    }
  `,
  styles: `
    mat-button-toggle-group { margin: 0 0 12px; }
    .grant { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin: 12px 0; }
    .grant-head { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
    h2 { font: var(--mat-sys-title-medium); margin: 0; }
    .facts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 8px 0; }
    .facts dt { font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
    .facts dd { margin: 0; }
    .row-actions { flex-wrap: wrap; }
  `,
})
export class RoleGrantsPage implements OnDestroy {
  private readonly api = inject(RoleGrantsApi);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);
  private readonly auth = inject(AuthService);
  private readonly me = computed(() => this.auth.currentUser()?.personId ?? null);

  protected readonly statuses = ROLE_GRANT_STATUSES;
  protected readonly status = signal<RoleGrantStatus>('Pending');
  protected readonly grants = signal<RoleGrant[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly deciding = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  private loadingSub?: Subscription;

  constructor() {
    this.load();
  }

  ngOnDestroy(): void {
    this.loadingSub?.unsubscribe();
  }

  load(): void {
    this.loadingSub?.unsubscribe();
    this.loading.set(true);
    this.loadError.set(null);
    this.loadingSub = this.api.list(this.status()).subscribe({
      next: (grants) => {
        this.grants.set(grants);
        this.errors.set({});
        this.loading.set(false);
      },
      error: (e) => {
        this.grants.set([]);
        this.loadError.set(errorMessage(e, this.translate.instant('errors.unknown')));
        this.loading.set(false);
      },
    });
  }

  protected setStatus(status: RoleGrantStatus): void {
    this.status.set(status);
    this.load();
  }

  /** The server refuses these too; the page says so before the click. */
  protected isMine(g: RoleGrant): boolean {
    const me = this.me();
    return me !== null && (me === g.requestedBy || me === g.personId);
  }

  protected reasonText(reason: string): string {
    const r = grantReason(reason);
    if (!r) return reason;
    const roles = r.roles?.map((role) => this.translate.instant(`roles.${role}`));
    return this.translate.instant(r.key, roles ? { a: roles[0], b: roles[1] } : undefined);
  }

  protected decide(g: RoleGrant, confirm: boolean): void {
    if (this.deciding()) return;
    this.deciding.set(g.id);
    this.errors.update((x) => ({ ...x, [g.id]: '' }));
    (confirm ? this.api.confirm(g.id) : this.api.reject(g.id)).subscribe({
      next: () => {
        this.deciding.set(null);
        this.notify.success(confirm ? 'roleGrants.confirmed' : 'roleGrants.rejected');
        this.load();
      },
      error: (e) => {
        this.deciding.set(null);
        this.errors.update((x) => ({ ...x, [g.id]: errorMessage(e, this.translate.instant('errors.unknown')) }));
      },
    });
  }
}
