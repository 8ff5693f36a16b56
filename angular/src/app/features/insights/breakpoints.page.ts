import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { InsightsApi } from './data/insights.api';
import { InsightsChart } from './chart';
import { nodeWaitsChart } from './insights-charts';
import { DEFAULT_NODE_SORT, NodeSort, NodeSortKey, nextSort, oneDecimal, percent, ratioParts, sortNodes } from './insights-logic';
import { KeyLabelPipe, LocalizedPipe, PeriodPicker } from './insights-ui';
import { PeriodReport } from './period-report';

/** 卡点分析: where claims wait — approval nodes, approvers, today's queues — and which nodes could go. */
@Component({
  selector: 'app-insights-breakpoints-page',
  imports: [DatePipe, InsightsChart, KeyLabelPipe, LocalizedPipe, MatCardModule, MatIconModule, MatProgressBarModule, PeriodPicker, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './breakpoints.page.html',
  styleUrl: './insights.scss',
})
export class BreakpointsPage {
  private readonly api = inject(InsightsApi);
  private readonly translate = inject(TranslateService);

  protected readonly loader = new PeriodReport((p) => this.api.breakpoints(p.from, p.to));
  protected readonly sort = signal<NodeSort>(DEFAULT_NODE_SORT);
  protected readonly nodes = computed(() => sortNodes(this.loader.data()?.nodes ?? [], this.sort()));
  protected readonly waitsChart = computed(() => {
    this.translate.currentLang();
    return nodeWaitsChart(this.loader.data()?.nodes ?? [], this.translate.instant('insights.breakpoints.medianWaitHours'));
  });
  protected readonly oneDecimal = oneDecimal;
  protected readonly percent = percent;
  protected readonly ratioParts = ratioParts;

  constructor() {
    this.loader.load();
  }

  protected sortBy(key: NodeSortKey): void {
    this.sort.update((s) => nextSort(s, key));
  }

  protected ariaSort(key: NodeSortKey): string {
    const s = this.sort();
    return s.key !== key ? 'none' : s.direction === 'asc' ? 'ascending' : 'descending';
  }
}
