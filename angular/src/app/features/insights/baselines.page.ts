import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { InsightsApi } from './data/insights.api';
import { BaselineDto, BaselineFigureDto } from './data/insights.models';
import { AuthService } from '../../core/auth/auth.service';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { NotifyService, errorMessage } from '../../shared/notify.service';
import { BaselineEditor } from './baseline-editor';
import { HistoryImport } from './history-import';
import { editorStart, figureValue } from './insights-logic';
import { KeyLabelPipe, UnitPipe } from './insights-ui';

/** 基线: immutable versions the ROI report compares against; Admin adds versions (entered or measured from history). */
@Component({
  selector: 'app-insights-baselines-page',
  imports: [BaselineEditor, DatePipe, HistoryImport, KeyLabelPipe, MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe, UnitPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './baselines.page.html',
  styleUrl: './insights.scss',
})
export class BaselinesPage {
  private readonly api = inject(InsightsApi);
  private readonly auth = inject(AuthService);
  private readonly notify = inject(NotifyService);
  private readonly translate = inject(TranslateService);

  protected readonly versions = signal<BaselineDto[]>([]);
  protected readonly selected = signal<BaselineDto | null>(null);
  /** The "new version" editor is open. */
  protected readonly editing = signal(false);
  /** What the "new version" editor starts from. */
  protected readonly start = signal<BaselineFigureDto[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.insightsManageBaseline));
  protected readonly show = figureValue;
  protected readonly startCurrency = computed(() => this.versions()[0]?.currency ?? 'CNY');

  constructor() {
    this.loadVersions();
  }

  private loadVersions(select?: number): void {
    this.busy.set(true);
    this.api.baselines().subscribe({
      next: (list) => {
        this.versions.set(list);
        this.busy.set(false);
        const version = select ?? this.selected()?.version ?? list[0]?.version;
        if (version != null) this.open(version);
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
      },
    });
  }

  protected open(version: number): void {
    this.api.baseline(version).subscribe({
      next: (b) => this.selected.set(b),
      error: (e) => this.notify.error(e),
    });
  }

  /** Starts from the latest version, or from the published defaults when there is none yet. */
  protected newVersion(): void {
    const latest = this.versions()[0] ?? null;
    if (latest?.figures.length) {
      this.start.set(editorStart(latest, []));
      this.editing.set(true);
      return;
    }
    this.api.baselineDefaults().subscribe({
      next: (defaults) => {
        this.start.set(editorStart(latest, defaults));
        this.editing.set(true);
      },
      error: (e) => this.notify.error(e),
    });
  }

  protected onSaved(b: BaselineDto): void {
    this.editing.set(false);
    this.start.set(null);
    this.notify.success('insights.baselines.saved', { version: b.version });
    this.loadVersions(b.version);
  }

  protected onImported(b: BaselineDto): void {
    this.loadVersions(b.version);
  }
}
