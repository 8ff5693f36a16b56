import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { DelegationsApi } from '../../../core/api/delegations.api';
import { Delegation, DelegationInput } from '../../../core/api/models';
import { FormDialog, FormDialogData } from '../../../shared/form-dialog';
import { NotifyService } from '../../../shared/notify.service';

@Component({
  selector: 'app-delegations-page',
  imports: [MatButtonModule, MatIconModule, MatTableModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'delegations.title' | translate }}</h1>
      <button mat-flat-button type="button" (click)="create()"><mat-icon>add</mat-icon>{{ 'delegations.new' | translate }}</button>
    </div>
    <p class="muted">{{ 'delegations.explain' | translate }}</p>
    <table mat-table [dataSource]="rows()" data-testid="delegations-table">
      <ng-container matColumnDef="from">
        <th mat-header-cell *matHeaderCellDef>{{ 'delegations.from' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.fromName }}</td>
      </ng-container>
      <ng-container matColumnDef="to">
        <th mat-header-cell *matHeaderCellDef>{{ 'delegations.to' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.toName }}</td>
      </ng-container>
      <ng-container matColumnDef="period">
        <th mat-header-cell *matHeaderCellDef>{{ 'delegations.period' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.startDate }} – {{ d.endDate }}</td>
      </ng-container>
      <ng-container matColumnDef="reason">
        <th mat-header-cell *matHeaderCellDef>{{ 'delegations.reason' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.reason }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let d">
          <button mat-icon-button type="button" (click)="remove(d)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-mdc-row" *matNoDataRow><td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ 'common.noData' | translate }}</td></tr>
    </table>
  `,
})
export class DelegationsPage {
  private readonly api = inject(DelegationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly columns = ['from', 'to', 'period', 'reason', 'actions'];
  protected readonly rows = signal<Delegation[]>([]);

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

  protected create(): void {
    const data: FormDialogData<DelegationInput> = {
      title: 'delegations.new',
      editing: false,
      fields: [
        { key: 'fromPersonId', label: 'delegations.from', type: 'person', required: true },
        { key: 'toPersonId', label: 'delegations.to', type: 'person', required: true },
        { key: 'startDate', label: 'delegations.startDate', type: 'date', required: true },
        { key: 'endDate', label: 'delegations.endDate', type: 'date', required: true },
        { key: 'reason', label: 'delegations.reason', type: 'textarea', maxLength: 500 },
      ],
      save: (v) => this.api.create(v),
    };
    this.dialog.open(FormDialog, { data, width: '560px' }).afterClosed().subscribe((saved) => {
      if (saved) {
        this.notify.success('common.saved');
        void this.load();
      }
    });
  }

  protected async remove(d: Delegation): Promise<void> {
    if (!confirm(this.translate.instant('delegations.confirmDelete', { from: d.fromName, to: d.toName }))) return;
    try {
      await firstValueFrom(this.api.delete(d.id));
      this.notify.success('common.deleted');
      await this.load();
    } catch (e) {
      this.notify.error(e);
    }
  }
}
