import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, OnInit, ProviderToken, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, map } from 'rxjs';
import { FieldDef, FormDialogData } from './form-dialog';
import { ReferenceRows } from './reference-rows';

/**
 * What the table calls, by these names (the organization, flow and template clients already have them). `key` is the
 * value of the config's key field; a method the config does not use may be missing.
 */
export interface ReferenceApi<T> {
  list(): Observable<T[]>;
  // The form's value: its input type is each API's business.
  create?(value: any): Observable<unknown>;
  update?(key: string, value: any): Observable<unknown>;
  delete?(key: string): Observable<unknown>;
  activate?(key: string): Observable<T>;
  deactivate?(key: string): Observable<T>;
}

export interface ReferenceColumn<T> {
  /** The column's id; the row's field of that name is shown unless `value` says otherwise. */
  key: string;
  /** Translation key of the header; by default `<i18n>.<key>`. */
  label?: string;
  value?: (row: T) => unknown;
  /** The value is a translation key. */
  translated?: boolean;
  /** The value is a material icon name (nothing when empty). */
  icon?: boolean;
  /** The row's on/off state as a tag: `<i18n>.on` or `<i18n>.off`. */
  state?: boolean;
  /** The value links to this route. */
  link?: (row: T) => unknown[];
  style?: 'mono' | 'num' | 'muted';
}

/** A form field whose label is by default `<i18n>.<key>`. */
export type ReferenceField = Omit<FieldDef, 'label'> & { label?: string };

/**
 * A reference list as data. Its texts follow one pattern under `i18n` (e.g. `grades`): `.title`, `.new`, `.edit`,
 * `.explain`, the column and field labels, `.confirmDelete`, `.on`/`.off`, `.activate`/`.deactivate` and the notices
 * `.activated`/`.deactivated` (which may name the row, e.g. {{name}}).
 */
export interface ReferenceTableConfig<T> {
  i18n: string;
  api: ProviderToken<ReferenceApi<T>>;
  /** The field that identifies a row in the API's URLs and finds the place of a row the server answers. */
  key: keyof T & string;
  /** The field shown as the row's data-code (by default the key). */
  code?: keyof T & string;
  sort?: (a: T, b: T) => number;
  explain?: boolean;
  /** data-testids: the table's, and the prefix of the rows' (`<row>-row`) and buttons' (`<row>-new`, `-edit`, `-activate`, …). */
  testIds: { table: string; row: string };
  columns: ReferenceColumn<T>[];
  /** Create and edit in the form dialog (`create`/`update` of the API); `editable: false` only creates. */
  form?: { fields: ReferenceField[]; initial?: Partial<T>; width?: string; editable?: boolean };
  /** Create and edit on pages of their own instead. */
  pages?: { create: string; edit: (row: T) => unknown[] };
  /** Rows can be deleted (`delete` of the API) after `<i18n>.confirmDelete` with these parameters. */
  remove?: (row: T) => Record<string, unknown>;
  /** Rows switch on and off by their `isActive` (`activate`/`deactivate` of the API); some never go off. */
  toggle?: { canDeactivate?: (row: T) => boolean };
}

/** When and by whom a record last changed, as the lists show it (the numeric pattern reads the same in every locale). */
export function lastChange(row: { updatedAt: string; updatedByName?: string | null }): string {
  return `${formatDate(row.updatedAt, 'yyyy-MM-dd HH:mm', 'en-US')} ${row.updatedByName ?? ''}`.trim();
}

/**
 * A reference data page (grades, cost centres, legal entities, delegations, approval flows, bank templates): title,
 * a New button, the table, and per row edit, activate/deactivate or delete. Routes give it its config as route data.
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
  private readonly injector = inject(Injector);
  private readonly api = computed(() => this.injector.get(this.config().api));
  protected readonly ref = new ReferenceRows<T>(() => {
    const sort = this.config().sort;
    return this.api().list().pipe(map((rows) => (sort ? [...rows].sort(sort) : rows)));
  });
  protected readonly columnNames = computed(() => [...this.config().columns.map((c) => c.key), 'actions']);

  ngOnInit(): void {
    this.ref.load();
  }

  protected text(suffix: string): string {
    return `${this.config().i18n}.${suffix}`;
  }

  protected cell(column: ReferenceColumn<T>, row: T): unknown {
    if (column.state) return this.text(this.active(row) ? 'on' : 'off');
    return column.value ? column.value(row) : this.field(row, column.key);
  }

  protected testId(suffix: string): string {
    return `${this.config().testIds.row}-${suffix}`;
  }

  protected active(row: T): boolean {
    return !!this.field(row, 'isActive');
  }

  protected canDeactivate(row: T): boolean {
    return this.config().toggle?.canDeactivate?.(row) ?? true;
  }

  protected keyOf(row: T): string {
    return String(this.field(row, this.config().key));
  }

  protected codeOf(row: T): string {
    return String(this.field(row, this.config().code ?? this.config().key));
  }

  protected edit(row: T | null): void {
    const { form } = this.config();
    if (!form) return;
    const api = this.api();
    const data: FormDialogData<unknown> = {
      title: this.text(row ? 'edit' : 'new'),
      editing: !!row,
      value: row ?? form.initial ?? {},
      fields: form.fields.map((f) => ({ ...f, label: f.label ?? this.text(f.key) })),
      save: (v) => (row ? api.update!(this.keyOf(row), v) : api.create!(v)),
    };
    this.ref.edit(data, form.width);
  }

  protected remove(row: T): void {
    const params = this.config().remove?.(row) ?? {};
    void this.ref.remove(this.text('confirmDelete'), params, () => this.api().delete!(this.keyOf(row)));
  }

  protected setActive(row: T, active: boolean): void {
    const api = this.api();
    const call = active ? api.activate!(this.keyOf(row)) : api.deactivate!(this.keyOf(row));
    this.ref.replace(call, (r) => this.keyOf(r), this.text(active ? 'activated' : 'deactivated'));
  }

  private field(row: T, name: string): unknown {
    return (row as Record<string, unknown>)[name];
  }
}
