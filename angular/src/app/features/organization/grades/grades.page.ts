import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { GradesApi } from '../../../core/api/grades.api';
import { Grade } from '../../../core/api/models';
import { FormDialog, FormDialogData } from '../../../shared/form-dialog';
import { NotifyService } from '../../../shared/notify.service';

@Component({
  selector: 'app-grades-page',
  imports: [MatButtonModule, MatIconModule, MatTableModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'grades.title' | translate }}</h1>
      <button mat-flat-button type="button" (click)="edit(null)"><mat-icon>add</mat-icon>{{ 'grades.new' | translate }}</button>
    </div>
    <table mat-table [dataSource]="rows()" data-testid="grades-table">
      <ng-container matColumnDef="code">
        <th mat-header-cell *matHeaderCellDef>{{ 'grades.code' | translate }}</th>
        <td mat-cell *matCellDef="let g" class="mono">{{ g.code }}</td>
      </ng-container>
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'grades.name' | translate }}</th>
        <td mat-cell *matCellDef="let g">{{ g.name }}</td>
      </ng-container>
      <ng-container matColumnDef="rank">
        <th mat-header-cell *matHeaderCellDef>{{ 'grades.rank' | translate }}</th>
        <td mat-cell *matCellDef="let g">{{ g.rank }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let g">
          <button mat-icon-button type="button" (click)="edit(g)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-mdc-row" *matNoDataRow><td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ 'common.noData' | translate }}</td></tr>
    </table>
  `,
})
export class GradesPage {
  private readonly api = inject(GradesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);

  protected readonly columns = ['code', 'name', 'rank', 'actions'];
  protected readonly rows = signal<Grade[]>([]);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.rows.set([...(await firstValueFrom(this.api.list()))].sort((a, b) => a.rank - b.rank));
    } catch (e) {
      this.notify.error(e);
    }
  }

  protected edit(grade: Grade | null): void {
    const data: FormDialogData<Grade> = {
      title: grade ? 'grades.edit' : 'grades.new',
      editing: !!grade,
      value: grade ?? { rank: 1 },
      fields: [
        { key: 'code', label: 'grades.code', type: 'text', required: true, maxLength: 16, lockedOnEdit: true },
        { key: 'name', label: 'grades.name', type: 'text', required: true, maxLength: 100 },
        { key: 'rank', label: 'grades.rank', type: 'number', required: true },
      ],
      save: (v) => (grade ? this.api.update(grade.code, { ...v, code: grade.code }) : this.api.create(v)),
    };
    this.dialog.open(FormDialog, { data, width: '480px' }).afterClosed().subscribe((saved) => {
      if (saved) {
        this.notify.success('common.saved');
        void this.load();
      }
    });
  }
}
