import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { FormDialogData } from './form-dialog';
import { ReferenceRows } from './reference-rows';

export interface ReferenceColumn<T> {
  /** The column's id; the row's field of that name is shown unless `value` says otherwise. */
  key: string;
  /** Translation key of the header. */
  label: string;
  value?: (row: T) => unknown;
  /** The value is a translation key. */
  translated?: boolean;
  /** The value is a material icon name (nothing when empty); the header text is its label. */
  icon?: boolean;
  /** The value (a translation key) shows as a tag, greyed when this says off. */
  tagOn?: (row: T) => boolean;
  /** The value links to this route. */
  link?: (row: T) => unknown[];
  style?: 'mono' | 'num' | 'muted';
}

export interface ReferenceTableConfig<T> {
  /** Translation keys. */
  title: string;
  newLabel: string;
  explain?: string;
  /** data-testid of the table. */
  testId: string;
  /** data-testid of each row and the prefix of its buttons' (`<prefix>-new`, `-edit`, `-activate`, `-deactivate`). */
  rowTestId?: string;
  actionTestId?: string;
  /** What identifies a row (its data-code, and how an answered row finds its place). */
  key: (row: T) => string;
  list: () => Observable<T[]>;
  columns: ReferenceColumn<T>[];
  /** Create and edit in the form dialog (`null`: a new record). Its input type is the page's business, hence any. */
  form?: (row: T | null) => FormDialogData<any>;
  dialogWidth?: string;
  /** false: records are only created (and deleted), never edited. */
  canEdit?: boolean;
  /** Create and edit on pages of their own instead of the dialog. */
  pages?: { create: string; edit: (row: T) => unknown[] };
  remove?: { question: string; params: (row: T) => Record<string, unknown>; run: (row: T) => Observable<unknown> };
  toggle?: {
    isActive: (row: T) => boolean;
    /** e.g. the default approval flow can never be switched off. */
    canDeactivate?: (row: T) => boolean;
    activate: (row: T) => Observable<T>;
    deactivate: (row: T) => Observable<T>;
    /** Translation keys: the two buttons and the two notices. */
    texts: { activate: string; deactivate: string; activated: string; deactivated: string };
  };
}

/** When and by whom a record last changed, as the lists show it (the numeric pattern reads the same in every locale). */
export function lastChange(row: { updatedAt: string; updatedByName?: string | null }): string {
  return `${formatDate(row.updatedAt, 'yyyy-MM-dd HH:mm', 'en-US')} ${row.updatedByName ?? ''}`.trim();
}

/**
 * A reference data page (grades, cost centres, legal entities, delegations, approval flows, bank templates): title,
 * a New button, the table, and per row edit, activate/deactivate or delete.
 */
@Component({
  selector: 'app-reference-table',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reference-table.html',
  styles: `
    .tag.off { background: #e0e0e0; color: #333; }
    .actions { white-space: nowrap; text-align: right; }
    .num { text-align: right; }
  `,
})
export class ReferenceTable<T> implements OnInit {
  readonly config = input.required<ReferenceTableConfig<T>>();
  protected readonly ref = new ReferenceRows<T>(() => this.config().list());
  protected readonly columnNames = computed(() => [...this.config().columns.map((c) => c.key), 'actions']);

  ngOnInit(): void {
    this.ref.load();
  }

  protected cell(column: ReferenceColumn<T>, row: T): unknown {
    return column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
  }

  protected testId(action: string): string | null {
    const prefix = this.config().actionTestId;
    return prefix ? `${prefix}-${action}` : null;
  }

  protected canDeactivate(row: T): boolean {
    return this.config().toggle?.canDeactivate?.(row) ?? true;
  }

  protected isActive(row: T): boolean | null {
    return this.config().toggle?.isActive(row) ?? null;
  }

  protected edit(row: T | null): void {
    const c = this.config();
    if (c.form) this.ref.edit(c.form(row), c.dialogWidth);
  }

  protected remove(row: T): void {
    const r = this.config().remove;
    if (r) void this.ref.remove(r.question, r.params(row), () => r.run(row));
  }

  protected setActive(row: T, active: boolean): void {
    const c = this.config();
    const t = c.toggle;
    if (!t) return;
    this.ref.replace(active ? t.activate(row) : t.deactivate(row), c.key, active ? t.texts.activated : t.texts.deactivated);
  }
}
