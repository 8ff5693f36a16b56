import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { debounceTime } from 'rxjs';
import { PaymentsApi } from './data/payments.api';
import { PAYABLE_STATUSES, PayableDto, PayableStatus, PayablesQuery } from './data/payments.models';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import { MoneyPipe } from '../../shared/money.pipe';
import { StatusChip } from '../../shared/status-chip';
import { isPayableTaken, isSelectable, isoDate, planBatch } from './payments-logic';
import { legalEntityNames } from './legal-entity-names';

@Component({
  selector: 'app-payables-page',
  imports: [DatePipe, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, MatTableModule, MatTooltipModule, MoneyPipe, StatusChip, ReactiveFormsModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './payables.page.html',
  styles: `
    .num { text-align: right; white-space: nowrap; }
    .hold { color: var(--mat-sys-error); display: inline-flex; align-items: center; gap: 4px; }
    .build { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin: 8px 0 16px; padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    .build .summary { flex: 1 1 240px; }
    .build mat-form-field { width: 180px; }
    .account { line-height: 1.3; }
  `,
})
export class PayablesPage {
  private readonly payments = inject(PaymentsApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);

  protected readonly statuses = PAYABLE_STATUSES;
  protected readonly columns = ['select', 'claimNumber', 'payee', 'legalEntity', 'amount', 'approvedAt', 'status', 'account', 'actions'];
  protected readonly filters = new FormGroup({
    status: new FormControl<PayableStatus | ''>('', { nonNullable: true }),
    legalEntityId: new FormControl('', { nonNullable: true }),
    currency: new FormControl('', { nonNullable: true }),
    approvedFrom: new FormControl('', { nonNullable: true }),
    approvedTo: new FormControl('', { nonNullable: true }),
  });
  protected readonly executionDate = new FormControl(isoDate(new Date()), { nonNullable: true });

  private readonly entities = legalEntityNames();
  protected readonly legalEntities = this.entities.list;
  protected readonly entityName = this.entities.name;
  protected readonly rows = signal<PayableDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly building = signal(false);
  protected readonly refreshing = signal<string | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly buildError = signal<string | null>(null);
  private readonly filterValue = signal(this.filters.getRawValue());

  protected readonly selectable = computed(() => this.rows().filter(isSelectable));
  protected readonly allSelected = computed(() => this.selectable().length > 0 && this.selectable().every((r) => this.selected().has(r.id)));
  protected readonly plan = computed(() => {
    const f = this.filterValue();
    return planBatch(f, this.rows(), this.selected(), null);
  });

  constructor() {
    this.filters.valueChanges.pipe(debounceTime(250), takeUntilDestroyed()).subscribe(() => {
      this.filterValue.set(this.filters.getRawValue());
      this.load();
    });
    this.load();
  }

  protected query(): PayablesQuery {
    const f = this.filters.getRawValue();
    return { ...f, status: f.status || null };
  }

  protected load(): void {
    this.loading.set(true);
    this.payments.payables(this.query()).subscribe({
      next: (rows) => {
        this.rows.set(rows);
        // keep only selections still on screen and still open
        const open = new Set(rows.filter(isSelectable).map((r) => r.id));
        this.selected.update((s) => new Set([...s].filter((id) => open.has(id))));
        this.loading.set(false);
      },
      error: (e) => {
        this.loading.set(false);
        this.notify.error(e);
      },
    });
  }

  protected toggle(row: PayableDto, on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(row.id);
      else next.delete(row.id);
      return next;
    });
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(on ? new Set(this.selectable().map((r) => r.id)) : new Set());
  }

  protected refreshAccount(row: PayableDto): void {
    this.refreshing.set(row.id);
    this.payments.refreshAccount(row.id).subscribe({
      next: (updated) => {
        this.rows.update((rows) => rows.map((r) => (r.id === updated.id ? updated : r)));
        this.refreshing.set(null);
        this.notify.success(updated.status === 'Held' ? 'payments.payables.stillHeld' : 'payments.payables.accountRefreshed');
      },
      error: (e) => {
        this.refreshing.set(null);
        this.notify.error(e);
      },
    });
  }

  protected build(): void {
    const plan = planBatch(this.filters.getRawValue(), this.rows(), this.selected(), this.executionDate.value);
    if (!plan.ok || this.building()) return;
    this.building.set(true);
    this.buildError.set(null);
    this.payments.buildBatch(plan.request).subscribe({
      next: (batch) => {
        this.building.set(false);
        this.notify.success('payments.payables.built', { number: batch.number });
        this.router.navigate(['/payments/batches', batch.id]);
      },
      error: (e) => {
        this.building.set(false);
        this.buildError.set(errorMessage(e, this.translate.instant('errors.unknown')));
        if (isPayableTaken(e)) {
          this.selected.set(new Set());
          this.load();
        }
      },
    });
  }
}
