import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { PaymentsApi } from './data/payments.api';
import { BATCH_STATUSES, BatchDto, BatchStatus } from './data/payments.models';
import { NotifyService } from '../../shared/notify.service';
import { MoneyPipe } from '../../shared/money.pipe';
import { StatusChip } from '../../shared/status-chip';
import { legalEntityNames } from './legal-entity-names';

@Component({
  selector: 'app-batches-list-page',
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, MatTableModule, MoneyPipe, StatusChip, ReactiveFormsModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'payments.batches.title' | translate }}</h1>
      <a mat-stroked-button routerLink="/payments/payables"><mat-icon>playlist_add</mat-icon>{{ 'nav.paymentsPayables' | translate }}</a>
    </div>
    <div class="filters">
      <mat-form-field>
        <mat-label>{{ 'payments.batches.status' | translate }}</mat-label>
        <mat-select [formControl]="status" name="status" data-testid="batches-status-filter">
          <mat-option value="">{{ 'common.all' | translate }}</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ 'payments.batchStatus.' + s | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" data-testid="batches-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>{{ 'payments.batch.number' | translate }}</th>
          <td mat-cell *matCellDef="let b"><a [routerLink]="['/payments/batches', b.id]" (click)="$event.stopPropagation()">{{ b.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'payments.batches.status' | translate }}</th>
          <td mat-cell *matCellDef="let b"><app-status-chip kind="batch" [status]="b.status" /></td>
        </ng-container>
        <ng-container matColumnDef="legalEntity">
          <th mat-header-cell *matHeaderCellDef>{{ 'payments.legalEntity' | translate }}</th>
          <td mat-cell *matCellDef="let b">{{ entityName(b.legalEntityId) }}</td>
        </ng-container>
        <ng-container matColumnDef="count">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'payments.batch.count' | translate }}</th>
          <td mat-cell *matCellDef="let b" class="num">{{ b.count }}</td>
        </ng-container>
        <ng-container matColumnDef="total">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'payments.batch.total' | translate }}</th>
          <td mat-cell *matCellDef="let b" class="num">{{ b.total | money: b.currency }}</td>
        </ng-container>
        <ng-container matColumnDef="executionDate">
          <th mat-header-cell *matHeaderCellDef>{{ 'payments.batch.executionDate' | translate }}</th>
          <td mat-cell *matCellDef="let b">{{ b.executionDate }}</td>
        </ng-container>
        <ng-container matColumnDef="maker">
          <th mat-header-cell *matHeaderCellDef>{{ 'payments.batch.maker' | translate }}</th>
          <td mat-cell *matCellDef="let b">{{ b.createdByName || '—' }}<div class="muted">{{ b.createdAt | date: 'yyyy-MM-dd HH:mm' }}</div></td>
        </ng-container>
        <ng-container matColumnDef="checker">
          <th mat-header-cell *matHeaderCellDef>{{ 'payments.batch.checker' | translate }}</th>
          <td mat-cell *matCellDef="let b">{{ b.releasedByName || '—' }}<div class="muted">{{ b.releasedAt | date: 'yyyy-MM-dd HH:mm' }}</div></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns" class="clickable" (click)="open(row)" data-testid="batch-row" [attr.data-number]="row.number" [attr.data-status]="row.status"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ 'common.noData' | translate }}</td>
        </tr>
      </table>
    </div>
  `,
  styles: `
    .num { text-align: right; white-space: nowrap; }
    tr.clickable { cursor: pointer; }
    tr.clickable:hover { background: var(--mat-sys-surface-container); }
  `,
})
export class BatchesListPage {
  private readonly payments = inject(PaymentsApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);

  protected readonly statuses = BATCH_STATUSES;
  protected readonly columns = ['number', 'status', 'legalEntity', 'count', 'total', 'executionDate', 'maker', 'checker'];
  protected readonly status = new FormControl<BatchStatus | ''>('', { nonNullable: true });
  protected readonly rows = signal<BatchDto[]>([]);
  protected readonly loading = signal(false);
  private readonly entities = legalEntityNames();
  protected readonly entityName = this.entities.name;

  constructor() {
    this.status.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.load());
    this.load();
  }

  private load(): void {
    this.loading.set(true);
    this.payments.batches(this.status.value || null).subscribe({
      next: (rows) => {
        this.rows.set(rows);
        this.loading.set(false);
      },
      error: (e) => {
        this.loading.set(false);
        this.notify.error(e);
      },
    });
  }

  protected open(b: BatchDto): void {
    this.router.navigate(['/payments/batches', b.id]);
  }
}
