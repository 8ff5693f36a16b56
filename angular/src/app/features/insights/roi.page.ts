import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnDestroy, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription } from 'rxjs';
import { InsightsApi, roiExportUrl } from '../../core/api/insights.api';
import { BaselineDto, EXPORT_FORMATS, RoiExportFormat, RoiReportDto, SurveyScoreDto } from '../../core/api/insights.models';
import { AuthService } from '../../core/auth/auth.service';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import { InsightsChart } from './chart';
import { claimsAndCycleChart, ratesChart, trendFromRoi } from './insights-charts';
import { Period, defaultPeriod, validPeriod } from './insights-logic';
import { LocalizedPipe, PeriodPicker, WarningPipe } from './insights-ui';
import { RoiFigureTable } from './roi-figure-table';
import { SurveyDialog } from './survey-dialog';

/** ROI 报告: the period against a baseline version; every figure opens its formula and inputs. */
@Component({
  selector: 'app-insights-roi-page',
  imports: [
    DatePipe, InsightsChart, LocalizedPipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule,
    PeriodPicker, RoiFigureTable, TranslatePipe, WarningPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roi.page.html',
  styleUrl: './insights.scss',
})
export class RoiPage implements OnDestroy {
  private readonly api = inject(InsightsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly formats = EXPORT_FORMATS;
  protected readonly period = signal<Period>(defaultPeriod());
  protected readonly baselines = signal<BaselineDto[]>([]);
  /** null: the latest version (the server's default). */
  protected readonly version = signal<number | null>(null);
  protected readonly report = signal<RoiReportDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly canEnterSurvey = computed(() => this.auth.permissions().includes(PERMISSIONS.insightsEnterSurvey));

  private readonly trend = computed(() => trendFromRoi(this.report()?.trend ?? []));
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
  /** The downloads carry the period and baseline on screen and the UI language. */
  protected readonly exportUrls = computed(() => {
    const lang = this.translate.currentLang() ?? 'en';
    const query = { ...this.period(), baselineVersion: this.version() ?? this.report()?.baselineVersion ?? null };
    return Object.fromEntries(EXPORT_FORMATS.map((f) => [f, roiExportUrl(f, query, lang)])) as Record<RoiExportFormat, string>;
  });
  private loading?: Subscription;

  constructor() {
    this.api.baselines().subscribe({
      next: (list) => {
        this.baselines.set(list);
        if (this.version() == null && list.length) this.version.set(list[0].version);
        this.load();
      },
      error: (e) => {
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
        this.load();
      },
    });
  }

  ngOnDestroy(): void {
    this.loading?.unsubscribe();
  }

  protected setPeriod(p: Period): void {
    this.period.set(p);
    this.load();
  }

  protected setVersion(v: number): void {
    this.version.set(v);
    this.load();
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
    this.loading = this.api.roi({ ...p, baselineVersion: this.version() }).subscribe({
      next: (r) => {
        this.report.set(r);
        this.busy.set(false);
      },
      error: (e) => {
        this.busy.set(false);
        this.report.set(null);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }

  /** Opens the survey editor with the current scores; a save reloads the report. */
  protected editSurvey(): void {
    this.api.survey().subscribe({
      next: (scores) =>
        this.dialog
          .open<SurveyDialog, SurveyScoreDto[], SurveyScoreDto[]>(SurveyDialog, { data: scores, width: '640px' })
          .afterClosed()
          .subscribe((saved) => {
            if (!saved) return;
            this.notify.success('insights.survey.saved');
            this.load();
          }),
      error: (e) => this.notify.error(e),
    });
  }
}
