import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { Observable, Subscription } from 'rxjs';
import { errorMessage } from '../../shared/notify.service';
import { ChartOption, TrendPoint, claimsAndCycleChart, ratesChart } from './insights-charts';
import { Period, defaultPeriod, validPeriod } from './insights-logic';

/**
 * What every Insights page keeps about its report: the period on screen, the last answer, busy and the message of
 * the last failure. A new period (or another reason to reload) drops the call still in flight, so a slow answer for
 * an old period never overwrites a newer one; leaving the page drops it too. Create it in a field initialiser.
 */
export class PeriodReport<T> {
  readonly period = signal<Period>(defaultPeriod());
  readonly data = signal<T | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  private readonly translate = inject(TranslateService);
  private loading?: Subscription;

  /** `keepOnError`: false clears the last answer when a reload fails (a report must not show another period's figures). */
  constructor(
    private readonly fetch: (period: Period) => Observable<T>,
    private readonly keepOnError = true,
  ) {
    inject(DestroyRef).onDestroy(() => this.loading?.unsubscribe());
  }

  setPeriod(period: Period): void {
    this.period.set(period);
    this.load();
  }

  load(): void {
    this.loading?.unsubscribe();
    const p = this.period();
    if (!validPeriod(p)) {
      this.error.set(this.translate.instant('insights.period.invalid'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.loading = this.fetch(p).subscribe({
      next: (d) => {
        this.data.set(d);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        if (!this.keepOnError) this.data.set(null);
        this.fail(e);
      },
    });
  }

  /** Shows the server's message of a failed call (the report's or another the page made). */
  fail(error: unknown): void {
    this.error.set(errorMessage(error, this.translate.instant('errors.unknown')));
  }
}

/** The two trend charts the dashboard and the ROI report draw, relabelled when the language changes. */
export function trendCharts(trend: Signal<TrendPoint[]>): { trendChart: Signal<ChartOption>; ratesChart: Signal<ChartOption> } {
  const translate = inject(TranslateService);
  return {
    trendChart: computed(() => {
      translate.currentLang();
      return claimsAndCycleChart(trend(), {
        claims: translate.instant('insights.chart.claims'),
        cycleDays: translate.instant('insights.chart.medianCycleDays'),
      });
    }),
    ratesChart: computed(() => {
      translate.currentLang();
      return ratesChart(trend(), {
        errorRate: translate.instant('insights.kpi.errorRate.label'),
        touchlessRate: translate.instant('insights.kpi.touchlessRate.label'),
      });
    }),
  };
}
