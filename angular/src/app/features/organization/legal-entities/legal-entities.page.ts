import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { LegalEntitiesApi } from '../../../core/api/legal-entities.api';
import { LegalEntity, LegalEntityInput } from '../../../core/api/models';
import { FormDialog, FormDialogData } from '../../../shared/form-dialog';
import { NotifyService } from '../../../shared/notify.service';

@Component({
  selector: 'app-legal-entities-page',
  imports: [MatButtonModule, MatIconModule, MatTableModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'legalEntities.title' | translate }}</h1>
      <button mat-flat-button type="button" (click)="edit(null)"><mat-icon>add</mat-icon>{{ 'legalEntities.new' | translate }}</button>
    </div>
    <table mat-table [dataSource]="rows()" data-testid="legal-entities-table">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'legalEntities.name' | translate }}</th>
        <td mat-cell *matCellDef="let e">{{ e.name }}</td>
      </ng-container>
      <ng-container matColumnDef="taxId">
        <th mat-header-cell *matHeaderCellDef>{{ 'legalEntities.taxId' | translate }}</th>
        <td mat-cell *matCellDef="let e" class="mono">{{ e.taxId }}</td>
      </ng-container>
      <ng-container matColumnDef="address">
        <th mat-header-cell *matHeaderCellDef>{{ 'legalEntities.address' | translate }}</th>
        <td mat-cell *matCellDef="let e">{{ e.address }}</td>
      </ng-container>
      <ng-container matColumnDef="bank">
        <th mat-header-cell *matHeaderCellDef>{{ 'legalEntities.bankName' | translate }}</th>
        <td mat-cell *matCellDef="let e">{{ e.bankName }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let e">
          <button mat-icon-button type="button" (click)="edit(e)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-mdc-row" *matNoDataRow><td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ 'common.noData' | translate }}</td></tr>
    </table>
  `,
})
export class LegalEntitiesPage {
  private readonly api = inject(LegalEntitiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);

  protected readonly columns = ['name', 'taxId', 'address', 'bank', 'actions'];
  protected readonly rows = signal<LegalEntity[]>([]);

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

  protected edit(entity: LegalEntity | null): void {
    const data: FormDialogData<LegalEntityInput> = {
      title: entity ? 'legalEntities.edit' : 'legalEntities.new',
      editing: !!entity,
      value: entity ?? {},
      fields: [
        { key: 'name', label: 'legalEntities.name', type: 'text', required: true, maxLength: 200 },
        // The check character is validated by the server; its ProblemDetails message shows under this field.
        { key: 'taxId', label: 'legalEntities.taxId', type: 'text', required: true, maxLength: 18, hint: 'legalEntities.taxIdHint' },
        { key: 'address', label: 'legalEntities.address', type: 'text' },
        { key: 'phone', label: 'legalEntities.phone', type: 'text' },
        { key: 'bankName', label: 'legalEntities.bankName', type: 'text' },
        { key: 'bankAccountNumber', label: 'legalEntities.bankAccountNumber', type: 'text' },
      ],
      save: (v) => (entity ? this.api.update(entity.id, v) : this.api.create(v)),
    };
    this.dialog.open(FormDialog, { data, width: '560px' }).afterClosed().subscribe((saved) => {
      if (saved) {
        this.notify.success('common.saved');
        void this.load();
      }
    });
  }
}
