import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { KpiGroupDto, NodeStatDto, RoiMonthDto } from './data/insights.models';
import { days } from './insights-logic';

/** Only what the Insights charts use, so the bundle carries only those ECharts parts (see chart.ts). */
export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const pct = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 10);

/** One trend month: what the dashboard's month breakdown and the ROI report's trend both provide. */
export interface TrendPoint {
  month: string;
  claims: number;
  medianCycleHours: number | null;
  errorRate: number | null;
  touchlessRate: number | null;
}

export function trendFromGroups(groups: readonly KpiGroupDto[]): TrendPoint[] {
  return groups.map((g) => ({
    month: g.key,
    claims: g.values.claimsSubmitted,
    medianCycleHours: g.values.cycleTime.medianHours,
    errorRate: g.values.errorRate.value,
    touchlessRate: g.values.touchlessRate.value,
  }));
}

export function trendFromRoi(months: readonly RoiMonthDto[]): TrendPoint[] {
  return months.map((m) => ({ ...m }));
}

/** Claims per month (bars, left axis) and the median cycle time in days (line, right axis). */
export function claimsAndCycleChart(points: readonly TrendPoint[], labels: { claims: string; cycleDays: string }): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.claims, labels.cycleDays] },
    grid: { left: 48, right: 48, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: [
      { type: 'value', name: labels.claims, minInterval: 1 },
      { type: 'value', name: labels.cycleDays },
    ],
    series: [
      { name: labels.claims, type: 'bar', data: points.map((p) => p.claims) },
      { name: labels.cycleDays, type: 'line', yAxisIndex: 1, connectNulls: true, data: points.map((p) => days(p.medianCycleHours)) },
    ],
  };
}

/** Error rate and touchless rate per month, in percent. */
export function ratesChart(points: readonly TrendPoint[], labels: { errorRate: string; touchlessRate: string }): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${v}%`) },
    legend: { top: 0, data: [labels.errorRate, labels.touchlessRate] },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: labels.errorRate, type: 'line', connectNulls: true, data: points.map((p) => pct(p.errorRate)) },
      { name: labels.touchlessRate, type: 'line', connectNulls: true, data: points.map((p) => pct(p.touchlessRate)) },
    ],
  };
}

/** Median wait per approval node in hours, longest on top (horizontal bars). */
export function nodeWaitsChart(nodes: readonly NodeStatDto[], label: string): ChartOption {
  const rows = nodes
    .filter((n) => n.wait.medianHours != null)
    .sort((a, b) => (a.wait.medianHours ?? 0) - (b.wait.medianHours ?? 0));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: label, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: rows.map((n) => `${n.flowName} · ${n.stepName}`) },
    series: [{ name: label, type: 'bar', data: rows.map((n) => Math.round((n.wait.medianHours ?? 0) * 10) / 10) }],
  };
}
