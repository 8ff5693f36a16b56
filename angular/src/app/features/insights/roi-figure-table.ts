import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { RoiFigureDto } from './data/insights.models';
import { figureValue } from './insights-logic';
import { KeyLabelPipe, LocalizedPipe, UnitPipe } from './insights-ui';

/**
 * The ROI report's Comparison (before / after / unit) or Hard (value / unit) figures. A click on a figure opens its
 * formula and the inputs it was computed from, each with its origin (measured / estimated / baseline / entered) and source.
 */
@Component({
  selector: 'app-roi-figure-table',
  imports: [KeyLabelPipe, LocalizedPipe, MatIconModule, TranslatePipe, UnitPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table class="simple-table" [attr.data-testid]="'roi-' + mode()">
        <thead>
          <tr>
            <th>{{ 'insights.roi.figure' | translate }}</th>
            @if (mode() === 'comparison') {
              <th class="num">{{ 'insights.roi.before' | translate }}</th>
              <th class="num">{{ 'insights.roi.after' | translate }}</th>
            } @else {
              <th class="num">{{ 'insights.roi.value' | translate }}</th>
            }
            <th>{{ 'insights.roi.unit' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (f of figures(); track f.key) {
            <tr class="clickable" data-testid="roi-figure" [attr.data-key]="f.key" [attr.aria-expanded]="open().has(f.key)" tabindex="0"
              (click)="toggle(f.key)" (keydown.enter)="toggle(f.key)" (keydown.space)="$event.preventDefault(); toggle(f.key)">
              <td><mat-icon class="inline-icon">{{ open().has(f.key) ? 'expand_less' : 'expand_more' }}</mat-icon> {{ f.nameZh | loc: f.nameEn }}</td>
              @if (mode() === 'comparison') {
                <td class="num" data-testid="roi-before">{{ show(f.before, f.unit) }}</td>
                <td class="num" data-testid="roi-after">{{ show(f.after, f.unit) }}</td>
              } @else {
                <td class="num" data-testid="roi-value">{{ show(f.value, f.unit) }}</td>
              }
              <td>{{ f.unit | unit: currency() }}</td>
            </tr>
            @if (open().has(f.key)) {
              <tr class="detail" data-testid="roi-detail" [attr.data-key]="f.key">
                <td [attr.colspan]="mode() === 'comparison' ? 4 : 3">
                  <div class="formula" data-testid="roi-formula">{{ f.formulaZh | loc: f.formulaEn }}</div>
                  <table class="simple-table inputs">
                    <thead>
                      <tr>
                        <th>{{ 'insights.roi.input' | translate }}</th>
                        <th class="num">{{ 'insights.roi.value' | translate }}</th>
                        <th>{{ 'insights.roi.unit' | translate }}</th>
                        <th>{{ 'insights.roi.origin' | translate }}</th>
                        <th>{{ 'insights.roi.source' | translate }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (i of f.inputs; track $index) {
                        <tr data-testid="roi-input" [attr.data-key]="i.key" [attr.data-origin]="i.origin">
                          <td>{{ i.nameZh | loc: i.nameEn }}</td>
                          <td class="num">{{ show(i.value, i.unit) }}</td>
                          <td>{{ i.unit | unit: currency() }}</td>
                          <td><span [class]="'origin origin-' + i.origin" data-testid="roi-input-origin">{{ i.origin | keyLabel: 'insights.origin' }}</span></td>
                          <td class="muted">{{ i.source || '—' }}</td>
                        </tr>
                      } @empty {
                        <tr><td colspan="5" class="empty">{{ 'insights.roi.noInputs' | translate }}</td></tr>
                      }
                    </tbody>
                  </table>
                </td>
              </tr>
            }
          } @empty {
            <tr><td colspan="4" class="empty">{{ 'common.noData' | translate }}</td></tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './insights.scss',
})
export class RoiFigureTable {
  readonly figures = input.required<RoiFigureDto[]>();
  readonly mode = input<'comparison' | 'hard'>('comparison');
  /** The report's currency, for units such as `currency/year`. */
  readonly currency = input('');
  protected readonly open = signal<ReadonlySet<string>>(new Set());

  protected toggle(key: string): void {
    this.open.update((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }

  protected readonly show = figureValue;
}
