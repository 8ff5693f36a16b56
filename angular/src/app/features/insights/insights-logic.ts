import {
  BaselineFigureDto,
  BaselineFigureInput,
  BaselineFigureKind,
  DurationDto,
  KpiValuesDto,
  NodeStatDto,
  RatioDto,
  RoiReportDto,
  SurveyScoreDto,
  SurveyScoreInput,
} from './data/insights.models';

// ---------------------------------------------------------------- periods

export interface Period {
  from: string;
  to: string;
}

/** yyyy-MM of a date in the browser's time zone. */
export function monthOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The last 12 months ending with the current one (e.g. 2025-12 … 2026-11 in November 2026). */
export function defaultPeriod(today: Date = new Date()): Period {
  return { from: monthOf(new Date(today.getFullYear(), today.getMonth() - 11, 1)), to: monthOf(today) };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A usable period: two yyyy-MM months, from not after to. */
export function validPeriod(p: Partial<Period>): p is Period {
  return !!p.from && !!p.to && MONTH.test(p.from) && MONTH.test(p.to) && p.from <= p.to;
}

// ---------------------------------------------------------------- numbers

/** Hours as days with one decimal (hours ÷ 24), or null. */
export function days(hours: number | null | undefined): number | null {
  return hours == null ? null : Math.round((hours / 24) * 10) / 10;
}

/** A share (0..1) as a percentage with one decimal, e.g. 0.1234 → "12.3%"; "—" when there is nothing to divide. */
export function percent(value: number | null | undefined): string {
  return value == null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** One decimal, "—" for nothing. */
export function oneDecimal(value: number | null | undefined): string {
  return value == null ? '—' : (Math.round(value * 10) / 10).toFixed(1);
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A figure's value as shown next to its unit: a `ratio` (0.125) in percent ("12.5", its unit reads "%"), anything else
 * with up to two decimals and thousands separators; "—" for none.
 */
export function figureValue(value: number | null | undefined, unit: string): string {
  if (value == null) return '—';
  return unit === 'ratio' ? (Math.round(value * 1000) / 10).toFixed(1) : NUMBER.format(value);
}

/** A ROI warning as a translation key and its parameters (`not-measured:<input>` names the input). */
export function warningKey(code: string): { key: string; params: Record<string, string> } {
  const [name, arg] = code.split(':', 2);
  return { key: `insights.roi.warning.${name}`, params: { key: arg ?? '' } };
}

/** "12 / 97": the parts of a ratio, so the percentage can be checked. */
export function ratioParts(r: RatioDto): string {
  return `${r.numerator} / ${r.denominator}`;
}

// ---------------------------------------------------------------- KPI cards

export type KpiKey =
  | 'claimsSubmitted' | 'claimsPaid' | 'cycleMedian' | 'cycleP90' | 'firstPassYield' | 'errorRate' | 'fieldCorrectionRate' | 'touchlessRate' | 'slaBreaches';

export interface KpiCard {
  key: KpiKey;
  /** What the card shows in big type. */
  value: string;
  /** For ratio cards: numerator and denominator (and their labels' key suffix). */
  ratio: RatioDto | null;
  /** For durations: how many claims the median / P90 is over. */
  count: number | null;
}

/** The cards of the dashboard, in reading order. */
export function kpiCards(v: KpiValuesDto): KpiCard[] {
  const n = (key: KpiKey, value: number): KpiCard => ({ key, value: String(value), ratio: null, count: null });
  const d = (key: KpiKey, hours: number | null, c: DurationDto): KpiCard => ({ key, value: oneDecimal(days(hours)), ratio: null, count: c.count });
  const r = (key: KpiKey, ratio: RatioDto): KpiCard => ({ key, value: percent(ratio.value), ratio, count: null });
  return [
    n('claimsSubmitted', v.claimsSubmitted),
    n('claimsPaid', v.claimsPaid),
    d('cycleMedian', v.cycleTime.medianHours, v.cycleTime),
    d('cycleP90', v.cycleTime.p90Hours, v.cycleTime),
    r('firstPassYield', v.firstPassYield),
    r('errorRate', v.errorRate),
    r('fieldCorrectionRate', v.fieldCorrectionRate),
    r('touchlessRate', v.touchlessRate),
    n('slaBreaches', v.slaBreaches),
  ];
}

// ---------------------------------------------------------------- breakpoints

export type NodeSortKey = 'flowName' | 'stepName' | 'tasks' | 'medianWait' | 'p90Wait' | 'slaBreaches' | 'rejectRate';

export interface NodeSort {
  key: NodeSortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_NODE_SORT: NodeSort = { key: 'medianWait', direction: 'desc' };

function nodeValue(n: NodeStatDto, key: NodeSortKey): number | string | null {
  switch (key) {
    case 'flowName': return n.flowName;
    case 'stepName': return n.stepName;
    case 'tasks': return n.tasks;
    case 'medianWait': return n.wait.medianHours;
    case 'p90Wait': return n.wait.p90Hours;
    case 'slaBreaches': return n.slaBreaches;
    case 'rejectRate': return n.rejectRate.value;
  }
}

/** Sorted copy; nodes without a value (no finished task) always go last. */
export function sortNodes(nodes: readonly NodeStatDto[], sort: NodeSort): NodeStatDto[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...nodes].sort((a, b) => {
    const x = nodeValue(a, sort.key);
    const y = nodeValue(b, sort.key);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return (typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number)) * sign;
  });
}

/** Clicking a header: the same column flips direction, another starts descending (numbers) or ascending (names). */
export function nextSort(current: NodeSort, key: NodeSortKey): NodeSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'flowName' || key === 'stepName' ? 'asc' : 'desc' };
}

// ---------------------------------------------------------------- baseline editor

/** A figure in the "new version" editor: what it was, and what the user made of it. */
export interface FigureRow {
  key: string;
  unit: string;
  original: BaselineFigureDto;
  value: number | null;
  source: string;
  /** For a published default or an assumption whose value changed: keep its kind and source anyway. */
  keepSource: boolean;
}

export function figureRows(figures: readonly BaselineFigureDto[]): FigureRow[] {
  return figures.map((f) => ({ key: f.key, unit: f.unit, original: f, value: f.value, source: f.source ?? '', keepSource: false }));
}

export function valueChanged(row: FigureRow): boolean {
  return row.value !== row.original.value;
}

/**
 * The kind a row is saved with. A changed value is the company's own (`entered`), unless a published default or an
 * assumption keeps its source; an unchanged figure keeps its kind.
 */
export function effectiveKind(row: FigureRow): BaselineFigureKind {
  const published = row.original.kind === 'default' || row.original.kind === 'assumption';
  if (!valueChanged(row)) return row.original.kind;
  return published && row.keepSource ? row.original.kind : 'entered';
}

export function figureInput(row: FigureRow): BaselineFigureInput {
  const kind = effectiveKind(row);
  const source = kind === row.original.kind && kind !== 'entered' ? row.original.source : row.source.trim() || null;
  return { key: row.key, value: row.value ?? 0, kind, source };
}

/** What the editor starts from: the latest version's figures, or the published defaults when there is none yet. */
export function editorStart(latest: { figures: BaselineFigureDto[] } | null, defaults: BaselineFigureDto[]): BaselineFigureDto[] {
  return latest?.figures.length ? latest.figures : defaults;
}

// ---------------------------------------------------------------- survey

export interface SurveyRow {
  key: string;
  nameEn: string;
  nameZh: string;
  scale: string;
  before: number | null;
  after: number | null;
}

export function surveyRows(scores: readonly SurveyScoreDto[]): SurveyRow[] {
  return scores.map((s) => ({ key: s.key, nameEn: s.nameEn, nameZh: s.nameZh, scale: s.scale, before: s.before, after: s.after }));
}

/** The PUT body: every key with its before and after (null when left empty). */
export function surveyInputs(rows: readonly SurveyRow[]): SurveyScoreInput[] {
  const num = (v: number | null | string) => (v === '' || v == null || Number.isNaN(Number(v)) ? null : Number(v));
  return rows.map((r) => ({ key: r.key, before: num(r.before), after: num(r.after) }));
}

// ---------------------------------------------------------------- texts

/** The Chinese or English text of a pair the server sends. */
export function localized(lang: string, zh: string | null | undefined, en: string | null | undefined): string {
  return (lang === 'zh-CN' ? zh || en : en || zh) ?? '';
}

/** The report's figure rows, comparison first. */
export function roiFigures(r: RoiReportDto) {
  return [...r.comparison, ...r.hard];
}
