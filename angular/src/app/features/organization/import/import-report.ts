import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import { ImportReport } from '../data/organization.models';

/** The outcome of a CSV import: the counts, then each row (rejected rows with their reasons). */
@Component({
  selector: 'app-import-report',
  imports: [MatButtonToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="import-counts" data-testid="import-counts">
      <div class="count created"><span class="n" data-testid="count-created">{{ report().created }}</span>{{ 'import.created' | translate }}</div>
      <div class="count updated"><span class="n" data-testid="count-updated">{{ report().updated }}</span>{{ 'import.updated' | translate }}</div>
      <div class="count rejected"><span class="n" data-testid="count-rejected">{{ report().rejected }}</span>{{ 'import.rejected' | translate }}</div>
    </div>
    <mat-button-toggle-group [value]="filter()" (change)="filter.set($event.value)" [attr.aria-label]="'import.show' | translate">
      <mat-button-toggle value="rejected" data-testid="show-rejected">{{ 'import.onlyRejected' | translate }}</mat-button-toggle>
      <mat-button-toggle value="all" data-testid="show-all">{{ 'import.allRows' | translate }}</mat-button-toggle>
    </mat-button-toggle-group>
    <table class="simple-table import-rows" data-testid="import-report">
      <thead>
        <tr>
          <th>{{ 'import.row' | translate }}</th>
          <th>{{ 'people.employeeNo' | translate }}</th>
          <th>{{ 'import.status' | translate }}</th>
          <th>{{ 'import.reasons' | translate }}</th>
        </tr>
      </thead>
      <tbody>
        @for (r of rows(); track r.row) {
          <tr [attr.data-testid]="'import-row-' + r.status" [class]="'status-' + r.status">
            <td class="row-no">{{ r.row }}</td>
            <td>{{ r.employeeNo }}</td>
            <td>{{ 'import.status_' + r.status | translate }}</td>
            <td>
              @if (r.errors.length) {
                <ul class="reasons">
                  @for (e of r.errors; track $index) { <li>{{ e }}</li> }
                </ul>
              }
            </td>
          </tr>
        } @empty {
          <tr><td colspan="4" class="muted">{{ 'import.noRejected' | translate }}</td></tr>
        }
      </tbody>
    </table>
  `,
})
export class ImportReportView {
  readonly report = input.required<ImportReport>();
  protected readonly filter = signal<'rejected' | 'all'>('rejected');
  protected readonly rows = computed(() => {
    const rows = [...this.report().rows].sort((a, b) => a.row - b.row);
    return this.filter() === 'all' ? rows : rows.filter((r) => r.status === 'rejected');
  });
}
