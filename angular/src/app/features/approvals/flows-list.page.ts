import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { ApprovalFlowsApi } from '../../core/api/approval-flows.api';
import { FlowSummaryDto } from '../../core/api/approvals.models';
import { NotifyService } from '../../shared/notify.service';

/** The approval flows, in the order the server tries them (by priority; the default flow last). */
@Component({
  selector: 'app-flows-list-page',
  imports: [DatePipe, MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'approvals.flows.title' | translate }}</h1>
      <a mat-flat-button routerLink="/approvals/flows/new" data-testid="flow-new"><mat-icon>add</mat-icon>{{ 'approvals.flows.new' | translate }}</a>
    </div>
    <p class="muted">{{ 'approvals.flows.explain' | translate }}</p>
    <div class="table-wrap">
      <table class="simple-table" data-testid="flows-table">
        <thead>
          <tr>
            <th>{{ 'approvals.flows.priority' | translate }}</th>
            <th>{{ 'approvals.flows.code' | translate }}</th>
            <th>{{ 'approvals.flows.name' | translate }}</th>
            <th>{{ 'approvals.flows.default' | translate }}</th>
            <th>{{ 'approvals.flows.active' | translate }}</th>
            <th>{{ 'approvals.flows.version' | translate }}</th>
            <th>{{ 'approvals.flows.updated' | translate }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (f of rows(); track f.id) {
            <tr data-testid="flow-row" [attr.data-code]="f.code" [attr.data-active]="f.isActive">
              <td>{{ f.priority }}</td>
              <td class="mono"><a [routerLink]="['/approvals/flows', f.id]">{{ f.code }}</a></td>
              <td>{{ f.name }}</td>
              <td>@if (f.isDefault) { <mat-icon [attr.aria-label]="'approvals.flows.default' | translate">star</mat-icon> }</td>
              <td><span class="tag" [class.off]="!f.isActive">{{ (f.isActive ? 'approvals.flows.on' : 'approvals.flows.off') | translate }}</span></td>
              <td>v{{ f.version }}</td>
              <td class="muted">{{ f.updatedAt | date: 'yyyy-MM-dd HH:mm' }} {{ f.updatedByName }}</td>
              <td class="actions">
                <a mat-button [routerLink]="['/approvals/flows', f.id]"><mat-icon>edit</mat-icon>{{ 'common.edit' | translate }}</a>
                @if (f.isActive) {
                  @if (!f.isDefault) {
                    <button mat-button type="button" (click)="setActive(f, false)" [disabled]="busy()" data-testid="flow-deactivate">{{ 'approvals.flows.deactivate' | translate }}</button>
                  }
                } @else {
                  <button mat-button type="button" (click)="setActive(f, true)" [disabled]="busy()" data-testid="flow-activate">{{ 'approvals.flows.activate' | translate }}</button>
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
  `,
})
export class FlowsListPage {
  private readonly api = inject(ApprovalFlowsApi);
  private readonly notify = inject(NotifyService);

  protected readonly rows = signal<FlowSummaryDto[]>([]);
  protected readonly busy = signal(false);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.rows.set(await firstValueFrom(this.api.list()));
    } catch (e) {
      this.notify.error(e);
    }
  }

  protected async setActive(flow: FlowSummaryDto, active: boolean): Promise<void> {
    this.busy.set(true);
    try {
      const updated = await firstValueFrom(active ? this.api.activate(flow.id) : this.api.deactivate(flow.id));
      this.rows.update((rows) => rows.map((r) => (r.id === updated.id ? updated : r)));
      this.notify.success(active ? 'approvals.flows.activated' : 'approvals.flows.deactivated');
    } catch (e) {
      this.notify.error(e);
    } finally {
      this.busy.set(false);
    }
  }
}
