import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnDestroy, computed, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { InsightsApi } from '../../core/api/insights.api';
import { BreakpointsDto } from '../../core/api/insights.models';
import { errorMessage } from '../../shared/notify.service';
import { InsightsChart } from './chart';
import { nodeWaitsChart } from './insights-charts';
import { DEFAULT_NODE_SORT, NodeSort, NodeSortKey, Period, defaultPeriod, nextSort, oneDecimal, percent, ratioParts, sortNodes, validPeriod } from './insights-logic';
import { KeyLabelPipe, LocalizedPipe, PeriodPicker } from './insights-ui';

/** 卡点分析: where claims wait — approval nodes, approvers, today's queues — and which nodes could go. */
@Component({
  selector: 'app-insights-breakpoints-page',
  imports: [DatePipe, InsightsChart, KeyLabelPipe, LocalizedPipe, MatCardModule, MatIconModule, MatProgressBarModule, PeriodPicker, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './breakpoints.page.html',
  styleUrl: './insights.scss',
})
export class BreakpointsPage implements OnDestroy {
  private readonly api = inject(InsightsApi);
  private readonly translate = inject(TranslateService);

  protected readonly period = signal<Period>(defaultPeriod());
  protected readonly data = signal<BreakpointsDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sort = signal<NodeSort>(DEFAULT_NODE_SORT);
  protected readonly nodes = computed(() => sortNodes(this.data()?.nodes ?? [], this.sort()));
  protected readonly waitsChart = computed(() => {
    this.translate.currentLang();
    return nodeWaitsChart(this.data()?.nodes ?? [], this.translate.instant('insights.breakpoints.medianWaitHours'));
  });
  protected readonly oneDecimal = oneDecimal;
  protected readonly percent = percent;
  protected readonly ratioParts = ratioParts;
  private loading?: Subscription;

  constructor() {
    this.load();
  }

  ngOnDestroy(): void {
    this.loading?.unsubscribe();
  }

  protected setPeriod(p: Period): void {
    this.period.set(p);
    this.load();
  }

  protected sortBy(key: NodeSortKey): void {
    this.sort.update((s) => nextSort(s, key));
  }

  protected ariaSort(key: NodeSortKey): string {
    const s = this.sort();
    return s.key !== key ? 'none' : s.direction === 'asc' ? 'ascending' : 'descending';
  }

  private load(): void {
    this.loading?.unsubscribe();
    const p = this.period();
    if (!validPeriod(p)) {
      this.error.set(this.translate.instant('insights.period.invalid'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.loading = this.api.breakpoints(p.from, p.to).subscribe({
      next: (d) => {
        this.data.set(d);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }
}
