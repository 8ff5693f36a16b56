import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { InsightsApi, roiExportUrl } from './data/insights.api';
import { BaselineDto, EXPORT_FORMATS, RoiExportFormat, RoiReportDto, SurveyScoreDto } from './data/insights.models';
import { AuthService } from '../../core/auth/auth.service';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { NotifyService } from '../../shared/notify.service';
import { InsightsChart } from './chart';
import { trendFromRoi } from './insights-charts';
import { LocalizedPipe, PeriodPicker, WarningPipe } from './insights-ui';
import { PeriodReport, trendCharts } from './period-report';
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
export class RoiPage {
  private readonly api = inject(InsightsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly formats = EXPORT_FORMATS;
  protected readonly baselines = signal<BaselineDto[]>([]);
  /** null: the latest version (the server's default). */
  protected readonly version = signal<number | null>(null);
  // A failed reload clears the report: figures against another period or baseline must not stay on screen.
  protected readonly loader = new PeriodReport((p) => this.api.roi({ ...p, baselineVersion: this.version() }), false);
  protected readonly report = this.loader.data;
  protected readonly canEnterSurvey = computed(() => this.auth.permissions().includes(PERMISSIONS.insightsEnterSurvey));

  private readonly charts = trendCharts(computed(() => trendFromRoi(this.report()?.trend ?? [])));
  protected readonly trendChart = this.charts.trendChart;
  protected readonly ratesChart = this.charts.ratesChart;
  /** The downloads carry the period and baseline on screen and the UI language. */
  protected readonly exportUrls = computed(() => {
    const lang = this.translate.currentLang() ?? 'en';
    const query = { ...this.loader.period(), baselineVersion: this.version() ?? this.report()?.baselineVersion ?? null };
    return Object.fromEntries(EXPORT_FORMATS.map((f) => [f, roiExportUrl(f, query, lang)])) as Record<RoiExportFormat, string>;
  });

  constructor() {
    this.api.baselines().subscribe({
      next: (list) => {
        this.baselines.set(list);
        if (this.version() == null && list.length) this.version.set(list[0].version);
        this.loader.load();
      },
      error: (e) => {
        this.loader.fail(e);
        this.loader.load();
      },
    });
  }

  protected setVersion(v: number): void {
    this.version.set(v);
    this.loader.load();
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
            this.loader.load();
          }),
      error: (e) => this.notify.error(e),
    });
  }
}
