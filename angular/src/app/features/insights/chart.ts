import { ChangeDetectionStrategy, Component, Provider, input } from '@angular/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { ChartOption } from './insights-charts';

// Tree-shaken: only bar and line charts, the grid, legend and tooltip, drawn on a canvas.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Provided on the insights routes, so ECharts loads with the module and not before. */
export function provideInsightsCharts(): Provider {
  return provideEchartsCore({ echarts });
}

/** A chart box; `testId` names it for browser tests, `label` is read out by screen readers. */
@Component({
  selector: 'app-insights-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="chart" [options]="options()" [style.height.px]="height()" role="img" [attr.aria-label]="label()" [attr.data-testid]="testId()"></div>`,
  styles: `.chart { width: 100%; }`,
})
export class InsightsChart {
  readonly options = input.required<ChartOption>();
  readonly testId = input<string | null>(null);
  readonly label = input('');
  readonly height = input(280);
}
