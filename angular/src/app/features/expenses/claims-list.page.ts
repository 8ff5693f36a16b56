import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import { CLAIM_STATUSES, ClaimListItem, ClaimStatus, ClaimsQuery } from './data/expenses.models';
import { ClaimsApi } from './data/claims.api';
import { NotifyService } from '../../shared/notify.service';
import { MoneyPipe } from '../../shared/money.pipe';
import { StatusChip } from '../../shared/status-chip';

/** Table sort → the API's sort parameter; the server sorts submission time newest first only. */
export function toClaimSort(sort: Sort): string | undefined {
  if (!sort.direction) return undefined;
  switch (sort.active) {
    case 'createdAt':
      return sort.direction === 'asc' ? 'createdAt' : '-createdAt';
    case 'total':
      return sort.direction === 'asc' ? 'total' : '-total';
    case 'submittedAt':
      return sort.direction === 'desc' ? '-submittedAt' : undefined;
    default:
      return undefined;
  }
}

@Component({
  selector: 'app-claims-list-page',
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule, MatSortModule, MatTableModule, MoneyPipe, ReactiveFormsModule, RouterLink, StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './claims-list.page.html',
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 0 12px; }
    .grow { flex: 1 1 240px; }
    tr.clickable { cursor: pointer; }
    tr.clickable:hover { background: var(--mat-sys-surface-container); }
    .num { text-align: right; white-space: nowrap; }
    .page-head { display: flex; justify-content: space-between; align-items: center; }
  `,
})
export class ClaimsListPage {
  private readonly claims = inject(ClaimsApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);

  protected readonly statuses = CLAIM_STATUSES;
  protected readonly columns = ['number', 'title', 'status', 'total', 'lineCount', 'createdAt', 'submittedAt'];
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly statusFilter = new FormControl<ClaimStatus[]>([], { nonNullable: true });
  protected readonly from = new FormControl('', { nonNullable: true });
  protected readonly to = new FormControl('', { nonNullable: true });
  protected readonly query = signal<ClaimsQuery>({ page: 1, pageSize: 20, sort: '-createdAt' });
  protected readonly rows = signal<ClaimListItem[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((s) => this.query.update((q) => ({ ...q, search: s.trim() || undefined, page: 1 })));
    this.statusFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe((status) => this.query.update((q) => ({ ...q, status, page: 1 })));
    this.from.valueChanges.pipe(takeUntilDestroyed()).subscribe((from) => this.query.update((q) => ({ ...q, from: from || undefined, page: 1 })));
    this.to.valueChanges.pipe(takeUntilDestroyed()).subscribe((to) => this.query.update((q) => ({ ...q, to: to || undefined, page: 1 })));

    toObservable(computed(() => this.query()))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap((q) =>
          this.claims.list(q).pipe(
            catchError((e) => {
              this.notify.error(e);
              return of({ items: [] as ClaimListItem[], totalCount: 0 });
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((r) => {
        this.rows.set(r.items);
        this.total.set(r.totalCount);
        this.loading.set(false);
      });
  }

  protected page(e: PageEvent): void {
    this.query.update((q) => ({ ...q, page: e.pageIndex + 1, pageSize: e.pageSize }));
  }

  protected sort(s: Sort): void {
    this.query.update((q) => ({ ...q, sort: toClaimSort(s) ?? '-createdAt', page: 1 }));
  }

  protected open(row: ClaimListItem): void {
    this.router.navigate(['/expenses/claims', row.id]);
  }
}
