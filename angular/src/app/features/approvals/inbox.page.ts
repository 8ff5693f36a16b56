import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import { ApprovalsApi } from './data/approvals.api';
import { INBOX_SORTS, INBOX_VIEWS, InboxItemDto, InboxQuery, InboxSort, InboxView } from './data/approvals.models';
import { LanguageService } from '../../core/i18n/language.service';
import { NotifyService } from '../../shared/notify.service';
import { MoneyPipe } from '../../shared/money.pipe';
import { BatchApproveDialog, BatchApproveData } from './batch-approve-dialog';
import { formatWaiting, waitingUrgency } from './waiting-time';

/** "1,000.50" or "" → a number, or null when empty or not a number. */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[,\s]/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Only tasks waiting for a decision can be approved in a batch (not notify-only ones). */
export function isSelectable(item: InboxItemDto): boolean {
  return item.status === 'Waiting' && item.stepKind !== 'notify';
}

@Component({
  selector: 'app-inbox-page',
  imports: [DatePipe, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule, MatTableModule, MatTabsModule, MoneyPipe, ReactiveFormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox.page.html',
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 0 12px; margin-top: 12px; }
    .grow { flex: 1 1 240px; }
    .amount-filter { width: 140px; }
    tr.clickable { cursor: pointer; }
    tr.clickable:hover { background: var(--mat-sys-surface-container); }
    .num { text-align: right; white-space: nowrap; }
    .waiting { white-space: nowrap; }
    .waiting.reminded { color: #8a5300; font-weight: 500; }
    .waiting.overdue { color: var(--mat-sys-error); font-weight: 700; }
    .badge { display: inline-block; padding: 0 8px; margin-left: 4px; border-radius: 12px; background: #ffefc2; color: #6d4c00; font: var(--mat-sys-label-small); line-height: 20px; }
    .unread { font-weight: 700; }
    .toolbar { display: flex; align-items: center; gap: 12px; min-height: 48px; }
  `,
})
export class InboxPage {
  private readonly api = inject(ApprovalsApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly language = inject(LanguageService);

  protected readonly views = INBOX_VIEWS;
  protected readonly canSelect = isSelectable;
  protected readonly sorts = INBOX_SORTS;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly minAmount = new FormControl('', { nonNullable: true });
  protected readonly maxAmount = new FormControl('', { nonNullable: true });
  protected readonly sortControl = new FormControl<InboxSort | ''>('waiting', { nonNullable: true });
  protected readonly query = signal<InboxQuery>({ view: 'open', sort: 'waiting', page: 1, pageSize: 20 });
  protected readonly rows = signal<InboxItemDto[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  private readonly reload = signal(0);

  protected readonly columns = computed(() => {
    switch (this.query().view) {
      case 'open':
        return ['select', 'number', 'title', 'submitter', 'amount', 'step', 'waiting'];
      case 'done':
        return ['number', 'title', 'submitter', 'amount', 'step', 'outcome', 'completedAt'];
      default:
        return ['number', 'title', 'submitter', 'amount', 'step', 'read', 'createdAt'];
    }
  });
  protected readonly selectable = computed(() => this.rows().filter(isSelectable));
  protected readonly allSelected = computed(() => this.selectable().length > 0 && this.selectable().every((r) => this.selected().has(r.taskId)));

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((s) => this.query.update((q) => ({ ...q, search: s.trim() || undefined, page: 1 })));
    this.minAmount.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed())
      .subscribe((v) => this.query.update((q) => ({ ...q, minAmount: parseAmount(v), page: 1 })));
    this.maxAmount.valueChanges
      .pipe(debounceTime(300), takeUntilDestroyed())
      .subscribe((v) => this.query.update((q) => ({ ...q, maxAmount: parseAmount(v), page: 1 })));
    this.sortControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((sort) => this.query.update((q) => ({ ...q, sort, page: 1 })));

    toObservable(computed(() => ({ q: this.query(), n: this.reload() })))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ q }) =>
          this.api.inbox(q).pipe(
            catchError((e) => {
              this.notify.error(e);
              return of({ items: [] as InboxItemDto[], total: 0 });
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((r) => {
        this.rows.set(r.items);
        this.total.set(r.total);
        this.selected.set(new Set());
        this.loading.set(false);
      });
  }

  protected setView(view: InboxView): void {
    if (view === this.query().view) return;
    // Open tasks: longest waiting first; decided ones and notifications: most recent first (the server's default).
    const sort = view === 'open' ? 'waiting' : '';
    this.sortControl.setValue(sort, { emitEvent: false });
    this.query.update((q) => ({ ...q, view, sort, page: 1 }));
  }

  protected page(e: PageEvent): void {
    this.query.update((q) => ({ ...q, page: e.pageIndex + 1, pageSize: e.pageSize }));
  }

  protected waiting(row: InboxItemDto): string {
    return formatWaiting(row.waitingHours, this.language.language());
  }

  protected urgency(row: InboxItemDto) {
    return waitingUrgency(row);
  }

  protected toggle(row: InboxItemDto, on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(row.taskId);
      else next.delete(row.taskId);
      return next;
    });
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(new Set(on ? this.selectable().map((r) => r.taskId) : []));
  }

  protected open(row: InboxItemDto): void {
    if (row.stepKind === 'notify' && row.status === 'Unread') {
      this.api.markRead(row.taskId).subscribe({ error: () => undefined });
    }
    this.router.navigate(['/approvals/claims', row.claimId]);
  }

  protected batchApprove(): void {
    const items = this.rows().filter((r) => this.selected().has(r.taskId));
    if (!items.length) return;
    const data: BatchApproveData = { items };
    this.dialog
      .open(BatchApproveDialog, { data, width: '640px', disableClose: true })
      .afterClosed()
      .subscribe((ran) => {
        if (ran) this.reload.update((n) => n + 1);
      });
  }
}
