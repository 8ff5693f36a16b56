import { inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { TranslateService } from '@ngx-translate/core';
import { Observable, firstValueFrom } from 'rxjs';
import { FormDialog, FormDialogData } from './form-dialog';
import { NotifyService } from './notify.service';

/**
 * The list state every reference page keeps the same way: load, create/edit through the form dialog and reload,
 * delete after a question, switch a row on or off in place. Failures show the server's message; the rows stay.
 * Create it in an injection context (a field initialiser); `load` is called by its owner.
 */
export class ReferenceRows<T> {
  readonly rows = signal<T[]>([]);
  readonly busy = signal(false);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  constructor(private readonly list: () => Observable<T[]>) {}

  /** Subscribes rather than awaits, so the rows are there in the same turn the answer arrives. */
  load(): void {
    this.busy.set(true);
    this.list().subscribe({
      next: (rows) => {
        this.rows.set(rows);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  /** Opens the form dialog; a save says so and reloads the list (the server may have changed more than the row). */
  edit<V>(data: FormDialogData<V>, width = '480px'): void {
    this.dialog
      .open(FormDialog, { data, width })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.notify.success('common.saved');
          this.load();
        }
      });
  }

  /** Asks `question` (a translation key with its parameters) and deletes only on yes. */
  async remove(question: string, params: Record<string, unknown>, run: () => Observable<unknown>): Promise<void> {
    if (!confirm(this.translate.instant(question, params))) return;
    try {
      await firstValueFrom(run(), { defaultValue: null });
      this.notify.success('common.deleted');
      this.load();
    } catch (e) {
      this.notify.error(e);
    }
  }

  /**
   * Runs an activate/deactivate call; the row the server answers replaces the one with the same key, and the
   * notice (a translation key) may name it through its fields, e.g. {{name}}.
   */
  replace(call: Observable<T>, key: (row: T) => string, notice: string): void {
    this.busy.set(true);
    call.subscribe({
      next: (updated) => {
        this.rows.update((rows) => rows.map((r) => (key(r) === key(updated) ? updated : r)));
        this.busy.set(false);
        this.notify.success(notice, updated as Record<string, unknown>);
      },
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }
}
