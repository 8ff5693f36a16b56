import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { CostCentresApi } from '../../../core/api/cost-centres.api';
import { CostCentre } from '../../../core/api/models';
import { FormDialog, FormDialogData } from '../../../shared/form-dialog';
import { NotifyService } from '../../../shared/notify.service';

@Component({
  selector: 'app-cost-centres-page',
  imports: [MatButtonModule, MatIconModule, MatTableModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'costCentres.title' | translate }}</h1>
      <button mat-flat-button type="button" (click)="edit(null)"><mat-icon>add</mat-icon>{{ 'costCentres.new' | translate }}</button>
    </div>
    <table mat-table [dataSource]="rows()" data-testid="cost-centres-table">
      <ng-container matColumnDef="code">
        <th mat-header-cell *matHeaderCellDef>{{ 'costCentres.code' | translate }}</th>
        <td mat-cell *matCellDef="let c" class="mono">{{ c.code }}</td>
      </ng-container>
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'costCentres.name' | translate }}</th>
        <td mat-cell *matCellDef="let c">{{ c.name }}</td>
      </ng-container>
      <ng-container matColumnDef="isActive">
        <th mat-header-cell *matHeaderCellDef>{{ 'people.status' | translate }}</th>
        <td mat-cell *matCellDef="let c">{{ (c.isActive ? 'people.active' : 'people.inactive') | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let c">
          <button mat-icon-button type="button" (click)="edit(c)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-mdc-row" *matNoDataRow><td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ 'common.noData' | translate }}</td></tr>
    </table>
  `,
})
export class CostCentresPage {
  private readonly api = inject(CostCentresApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);

  protected readonly columns = ['code', 'name', 'isActive', 'actions'];
  protected readonly rows = signal<CostCentre[]>([]);

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

  protected edit(costCentre: CostCentre | null): void {
    const data: FormDialogData<CostCentre> = {
      title: costCentre ? 'costCentres.edit' : 'costCentres.new',
      editing: !!costCentre,
      value: costCentre ?? { isActive: true },
      fields: [
        { key: 'code', label: 'costCentres.code', type: 'text', required: true, maxLength: 32, lockedOnEdit: true },
        { key: 'name', label: 'costCentres.name', type: 'text', required: true, maxLength: 100 },
        { key: 'isActive', label: 'people.active', type: 'checkbox' },
      ],
      save: (v) => (costCentre ? this.api.update(costCentre.code, { ...v, code: costCentre.code }) : this.api.create(v)),
    };
    this.dialog.open(FormDialog, { data, width: '480px' }).afterClosed().subscribe((saved) => {
      if (saved) {
        this.notify.success('common.saved');
        void this.load();
      }
    });
  }
}
