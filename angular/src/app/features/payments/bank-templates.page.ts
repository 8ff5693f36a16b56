import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { BankTemplatesApi } from '../../core/api/bank-templates.api';
import { BankTemplateDto } from '../../core/api/bank-templates.models';
import { NotifyService } from '../../shared/notify.service';

/** 银行模板: the banks' batch-payment layouts Finance keeps; each active one adds a CSV and an Excel download to every batch. */
@Component({
  selector: 'app-bank-templates-page',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'payments.templates.title' | translate }}</h1>
      <a mat-flat-button routerLink="/payments/templates/new" data-testid="template-new"><mat-icon>add</mat-icon>{{ 'payments.templates.new' | translate }}</a>
    </div>
    <p class="muted">{{ 'payments.templates.explain' | translate }}</p>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <div class="table-wrap">
      <table class="simple-table" data-testid="templates-table">
        <thead>
          <tr>
            <th>{{ 'payments.templates.code' | translate }}</th>
            <th>{{ 'payments.templates.name' | translate }}</th>
            <th>{{ 'payments.templates.bankName' | translate }}</th>
            <th class="num">{{ 'payments.templates.columns' | translate }}</th>
            <th>{{ 'payments.templates.formats' | translate }}</th>
            <th>{{ 'payments.templates.state' | translate }}</th>
            <th>{{ 'payments.templates.updated' | translate }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (t of rows(); track t.code) {
            <tr data-testid="template-row" [attr.data-code]="t.code" [attr.data-active]="t.isActive">
              <td class="mono"><a [routerLink]="['/payments/templates', t.code]">{{ t.code }}</a></td>
              <td>{{ t.name }}</td>
              <td>{{ t.profile.bankName }}</td>
              <td class="num">{{ t.profile.columns.length }}</td>
              <td class="mono">{{ t.formats.join(', ') }}</td>
              <td><span class="tag" [class.off]="!t.isActive">{{ (t.isActive ? 'payments.templates.on' : 'payments.templates.off') | translate }}</span></td>
              <td class="muted">{{ t.updatedAt | date: 'yyyy-MM-dd HH:mm' }} {{ t.updatedByName }}</td>
              <td class="actions">
                <a mat-button [routerLink]="['/payments/templates', t.code]" data-testid="template-edit"><mat-icon>edit</mat-icon>{{ 'common.edit' | translate }}</a>
                @if (t.isActive) {
                  <button mat-button type="button" (click)="setActive(t, false)" [disabled]="busy()" data-testid="template-deactivate">{{ 'payments.templates.deactivate' | translate }}</button>
                } @else {
                  <button mat-button type="button" (click)="setActive(t, true)" [disabled]="busy()" data-testid="template-activate">{{ 'payments.templates.activate' | translate }}</button>
                }
              </td>
            </tr>
          } @empty {
            <tr><td colspan="8" class="empty">{{ 'common.noData' | translate }}</td></tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .tag.off { background: #e0e0e0; color: #333; }
    .actions { white-space: nowrap; text-align: right; }
    .num { text-align: right; }
  `,
})
export class BankTemplatesPage {
  private readonly api = inject(BankTemplatesApi);
  private readonly notify = inject(NotifyService);

  protected readonly rows = signal<BankTemplateDto[]>([]);
  protected readonly busy = signal(true);

  constructor() {
    this.api.list().subscribe({
      next: (rows) => {
        this.rows.set(rows);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  protected setActive(template: BankTemplateDto, active: boolean): void {
    this.busy.set(true);
    (active ? this.api.activate(template.code) : this.api.deactivate(template.code)).subscribe({
      next: (updated) => {
        this.rows.update((rows) => rows.map((r) => (r.code === updated.code ? updated : r)));
        this.busy.set(false);
        this.notify.success(active ? 'payments.templates.activated' : 'payments.templates.deactivated', { name: updated.name });
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }
}
