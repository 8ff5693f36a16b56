import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnDestroy, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription, forkJoin, of } from 'rxjs';
import { InsightsApi } from '../../core/api/insights.api';
import { KPI_BREAKDOWNS, KpiBreakdown, KpiReportDto, RebuildResultDto } from '../../core/api/insights.models';
import { AuthService } from '../../core/auth/auth.service';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { errorMessage } from '../../shared/notify.service';
import { InsightsChart } from './chart';
import { ConfirmDialog, ConfirmData } from './confirm-dialog';
import { claimsAndCycleChart, ratesChart, trendFromGroups } from './insights-charts';
import { Period, days, defaultPeriod, kpiCards, oneDecimal, percent, ratioParts, validPeriod } from './insights-logic';
import { KeyLabelPipe, LocalizedPipe, PeriodPicker } from './insights-ui';

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
export class DashboardPage implements OnDestroy {
  private readonly api = inject(InsightsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);

  protected readonly breakdowns = KPI_BREAKDOWNS;
  protected readonly period = signal<Period>(defaultPeriod());
  protected readonly by = signal<KpiBreakdown>('month');
  protected readonly report = signal<KpiReportDto | null>(null);
  /** The month breakdown the trend charts are drawn from (the same report when the breakdown is by month). */
  protected readonly months = signal<KpiReportDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly rebuilding = signal(false);
  protected readonly rebuilt = signal<RebuildResultDto | null>(null);
  protected readonly canRebuild = computed(() => this.auth.permissions().includes(PERMISSIONS.insightsManageBaseline));

  protected readonly cards = computed(() => (this.report() ? kpiCards(this.report()!.total) : []));
  private readonly trend = computed(() => trendFromGroups(this.months()?.groups ?? []));
  protected readonly trendChart = computed(() => {
    this.translate.currentLang();
    return claimsAndCycleChart(this.trend(), {
      claims: this.translate.instant('insights.chart.claims'),
      cycleDays: this.translate.instant('insights.chart.medianCycleDays'),
    });
  });
  protected readonly ratesChart = computed(() => {
    this.translate.currentLang();
    return ratesChart(this.trend(), {
      errorRate: this.translate.instant('insights.kpi.errorRate.label'),
      touchlessRate: this.translate.instant('insights.kpi.touchlessRate.label'),
    });
  });

  protected readonly days = days;
  protected readonly percent = percent;
  protected readonly oneDecimal = oneDecimal;
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

  protected setBy(by: KpiBreakdown): void {
    this.by.set(by);
    this.load();
  }

  /** The month breakdown always (for the trends), and the chosen breakdown when it is another. */
  private load(): void {
    this.loading?.unsubscribe();
    const p = this.period();
    if (!validPeriod(p)) {
      this.error.set(this.translate.instant('insights.period.invalid'));
      return;
    }
    const by = this.by();
    this.busy.set(true);
    this.error.set(null);
    const months = this.api.kpis({ ...p, by: 'month' });
    this.loading = forkJoin({ months, chosen: by === 'month' ? of(null) : this.api.kpis({ ...p, by }) }).subscribe({
      next: ({ months, chosen }) => {
        this.months.set(months);
        this.report.set(chosen ?? months);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
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
        this.error.set(null);
        this.api.rebuild().subscribe({
          next: (r) => {
            this.rebuilding.set(false);
            this.rebuilt.set(r);
            this.load();
          },
          error: (e) => {
            this.rebuilding.set(false);
            this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
          },
        });
      });
  }
}
