import { roiExportUrl, periodParams } from './data/insights.api';
import { nodeWaitsChart, trendFromGroups, claimsAndCycleChart } from './insights-charts';
import {
  DEFAULT_NODE_SORT,
  defaultPeriod,
  days,
  figureValue,
  warningKey,
  editorStart,
  effectiveKind,
  figureInput,
  figureRows,
  kpiCards,
  nextSort,
  percent,
  sortNodes,
  surveyInputs,
  validPeriod,
} from './insights-logic';
import { DEFAULT_FIGURES, baseline, breakpoints, kpiReport, values } from './testing';

describe('Insights logic', () => {
  it('defaults to the last 12 months ending with the current one', () => {
    expect(defaultPeriod(new Date(2026, 10, 25))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(defaultPeriod(new Date(2026, 0, 3))).toEqual({ from: '2025-02', to: '2026-01' });
    expect(validPeriod({ from: '2026-05', to: '2026-04' })).toBe(false);
    expect(validPeriod({ from: '2026-04', to: '2026-04' })).toBe(true);
  });

  it('shows hours as days with one decimal and shares as percentages', () => {
    expect(days(110.4)).toBe(4.6);
    expect(days(null)).toBeNull();
    expect(percent(12 / 97)).toBe('12.4%');
    expect(percent(null)).toBe('—');
    expect(figureValue(0.125, 'ratio')).toBe('12.5');
    expect(figureValue(158000.456, 'currency/year')).toBe('158,000.46');
    expect(figureValue(null, 'h')).toBe('—');
    expect(warningKey('not-measured:employeeMinutesMeasured')).toEqual({ key: 'insights.roi.warning.not-measured', params: { key: 'employeeMinutesMeasured' } });
  });

  it('builds one card per KPI, ratio cards carrying numerator and denominator', () => {
    const cards = kpiCards(values());
    expect(cards.map((c) => c.key)).toEqual([
      'claimsSubmitted', 'claimsPaid', 'cycleMedian', 'cycleP90', 'firstPassYield', 'errorRate', 'fieldCorrectionRate', 'touchlessRate', 'slaBreaches',
    ]);
    const error = cards.find((c) => c.key === 'errorRate')!;
    expect(error.value).toBe('12.4%');
    expect(error.ratio).toEqual({ numerator: 12, denominator: 97, value: 12 / 97 });
    expect(cards.find((c) => c.key === 'cycleMedian')!.value).toBe('4.6');
    expect(cards.find((c) => c.key === 'cycleP90')!.value).toBe('12.5');
  });

  it('sorts nodes by median wait, longest first, nodes without a wait last', () => {
    const nodes = breakpoints().nodes;
    expect(sortNodes(nodes, DEFAULT_NODE_SORT).map((n) => n.stepKey)).toEqual(['director', 'manager', 'vp', 'finance']);
    const asc = nextSort(DEFAULT_NODE_SORT, 'medianWait');
    expect(asc.direction).toBe('asc');
    expect(sortNodes(nodes, asc).map((n) => n.stepKey)).toEqual(['vp', 'manager', 'director', 'finance']);
    expect(nextSort(DEFAULT_NODE_SORT, 'stepName')).toEqual({ key: 'stepName', direction: 'asc' });
  });

  it('makes an edited published default or assumption the company’s own (entered), unless its source is kept', () => {
    const [assumption, published] = figureRows(DEFAULT_FIGURES);
    expect(effectiveKind(published)).toBe('default');
    expect(figureInput(published)).toEqual({ key: 'employeeMinutes', value: 20, kind: 'default', source: 'APQC 2023 benchmark' });

    const edited = { ...published, value: 25, source: '' };
    expect(figureInput(edited)).toEqual({ key: 'employeeMinutes', value: 25, kind: 'entered', source: null });
    expect(figureInput({ ...edited, source: '2025 time study' })).toEqual({ key: 'employeeMinutes', value: 25, kind: 'entered', source: '2025 time study' });
    expect(figureInput({ ...edited, keepSource: true })).toEqual({ key: 'employeeMinutes', value: 25, kind: 'default', source: 'APQC 2023 benchmark' });
    expect(figureInput({ ...assumption, value: 140 }).kind).toBe('entered');
  });

  it('starts a new version from the latest one, or from the published defaults when there is none', () => {
    expect(editorStart(baseline(3), DEFAULT_FIGURES).map((f) => f.key)).toEqual(['claimsPerMonth', 'employeeMinutes', 'fixMinutes']);
    expect(editorStart(null, DEFAULT_FIGURES)).toBe(DEFAULT_FIGURES);
  });

  it('sends every survey key, empty scores as null', () => {
    expect(surveyInputs([{ key: 'a', nameEn: '', nameZh: '', scale: '1–5', before: 3, after: null }])).toEqual([{ key: 'a', before: 3, after: null }]);
  });

  it('puts the period, the baseline version and the language on the export link', () => {
    expect(roiExportUrl('xlsx', { from: '2025-12', to: '2026-11', baselineVersion: 3 }, 'zh-CN')).toBe(
      '/api/insights/roi/export?format=xlsx&from=2025-12&to=2026-11&baselineVersion=3&lang=zh-CN',
    );
    expect(roiExportUrl('pdf', { from: '2026-01', to: '2026-03' }, 'en')).toBe('/api/insights/roi/export?format=pdf&from=2026-01&to=2026-03&lang=en');
    expect(periodParams({ from: '2026-01', to: '2026-02', baselineVersion: null }).keys()).toEqual(['from', 'to']);
  });

  it('draws the trends from the month breakdown and the node waits longest on top', () => {
    const trend = trendFromGroups(kpiReport().groups);
    const chart = claimsAndCycleChart(trend, { claims: 'Claims', cycleDays: 'Days' }) as { series: { data: unknown[] }[] };
    expect(chart.series[0].data).toEqual([40, 57]);
    expect(chart.series[1].data).toEqual([4.6, 4.6]);
    const waits = nodeWaitsChart(breakpoints().nodes, 'h') as { yAxis: { data: string[] } };
    expect(waits.yAxis.data.at(-1)).toBe('标准报销 · 总监');
    expect(waits.yAxis.data).toHaveLength(3);
  });
});
