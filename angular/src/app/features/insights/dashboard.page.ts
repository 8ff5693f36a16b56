import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin, of } from 'rxjs';
import { InsightsApi } from './data/insights.api';
import { KPI_BREAKDOWNS, KpiBreakdown, KpiReportDto, RebuildResultDto } from './data/insights.models';
import { AuthService } from '../../core/auth/auth.service';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { InsightsChart } from './chart';
import { ConfirmDialog, ConfirmData } from './confirm-dialog';
import { trendFromGroups } from './insights-charts';
import { days, kpiCards, oneDecimal, percent, ratioParts } from './insights-logic';
import { KeyLabelPipe, LocalizedPipe, PeriodPicker } from './insights-ui';
import { PeriodReport, trendCharts } from './period-report';

/** 看板: the KPIs of a period, traceable to their counts, with trends and a breakdown. */
@Component({
  selector: 'app-insights-dashboard-page',
  imports: [
    DatePipe, DecimalPipe, InsightsChart, KeyLabelPipe, LocalizedPipe, MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule,
    MatProgressBarModule, MatSelectModule, MatTooltipModule, PeriodPicker, TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './insights.scss',
})
export class DashboardPage {
  private readonly api = inject(InsightsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);

  protected readonly breakdowns = KPI_BREAKDOWNS;
  protected readonly by = signal<KpiBreakdown>('month');
  /** The month breakdown always (for the trends), and the chosen breakdown when it is another. */
  protected readonly loader = new PeriodReport((p) => {
    const by = this.by();
    return forkJoin({ months: this.api.kpis({ ...p, by: 'month' }), chosen: by === 'month' ? of(null) : this.api.kpis({ ...p, by }) });
  });
  /** The month breakdown the trend charts are drawn from (the same report when the breakdown is by month). */
  protected readonly months = computed(() => this.loader.data()?.months ?? null);
  protected readonly report = computed<KpiReportDto | null>(() => this.loader.data()?.chosen ?? this.months());
  protected readonly rebuilding = signal(false);
  protected readonly rebuilt = signal<RebuildResultDto | null>(null);
  protected readonly canRebuild = computed(() => this.auth.permissions().includes(PERMISSIONS.insightsManageBaseline));

  protected readonly cards = computed(() => (this.report() ? kpiCards(this.report()!.total) : []));
  private readonly charts = trendCharts(computed(() => trendFromGroups(this.months()?.groups ?? [])));
  protected readonly trendChart = this.charts.trendChart;
  protected readonly ratesChart = this.charts.ratesChart;

  protected readonly days = days;
  protected readonly percent = percent;
  protected readonly oneDecimal = oneDecimal;
  protected readonly ratioParts = ratioParts;

  constructor() {
    this.loader.load();
  }

  protected setBy(by: KpiBreakdown): void {
    this.by.set(by);
    this.loader.load();
  }

  protected rebuild(): void {
    const data: ConfirmData = { title: 'insights.rebuild.title', message: 'insights.rebuild.question', confirm: 'insights.rebuild.confirm' };
    this.dialog
      .open(ConfirmDialog, { data, width: '480px' })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.rebuilding.set(true);
        this.rebuilt.set(null);
        this.loader.error.set(null);
        this.api.rebuild().subscribe({
          next: (r) => {
            this.rebuilding.set(false);
            this.rebuilt.set(r);
            this.loader.load();
          },
          error: (e) => {
            this.rebuilding.set(false);
            this.loader.fail(e);
          },
        });
      });
  }
}
