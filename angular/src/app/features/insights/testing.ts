import { Provider } from '@angular/core';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import {
  BaselineDto,
  BaselineFigureDto,
  BreakpointsDto,
  KpiGroupDto,
  KpiReportDto,
  KpiValuesDto,
  RoiReportDto,
  SurveyScoreDto,
} from './data/insights.models';

/** What the fake ECharts was given, per chart element (jsdom has no canvas). */
export const drawnCharts: { el: HTMLElement; options: unknown }[] = [];

/** Charts without a canvas: ResizeObserver stubbed, `init` records the options instead of drawing. */
export function provideFakeCharts(): Provider[] {
  const w = window as unknown as { ResizeObserver?: unknown };
  w.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  drawnCharts.length = 0;
  const init = (el: HTMLElement) => {
    let disposed = false;
    return {
      setOption: (options: unknown) => drawnCharts.push({ el, options }),
      isDisposed: () => disposed,
      dispose: () => (disposed = true),
      resize: () => undefined,
      on: () => undefined,
      off: () => undefined,
      showLoading: () => undefined,
      hideLoading: () => undefined,
    };
  };
  return [{ provide: NGX_ECHARTS_CONFIG, useValue: { echarts: { init } } }];
}

export function values(overrides: Partial<KpiValuesDto> = {}): KpiValuesDto {
  return {
    claimsSubmitted: 97, claimsPaid: 80,
    cycleTime: { count: 80, medianHours: 110.4, p90Hours: 300, meanHours: 140 },
    stages: [{ key: 'approval', nameEn: 'Approval', nameZh: '审批', duration: { count: 90, medianHours: 20, p90Hours: 60, meanHours: 30 } }],
    firstPassYield: { numerator: 85, denominator: 97, value: 85 / 97 },
    errorRate: { numerator: 12, denominator: 97, value: 12 / 97 },
    fieldCorrectionRate: { numerator: 30, denominator: 600, value: 0.05 },
    touchlessRate: { numerator: 40, denominator: 80, value: 0.5 },
    slaBreaches: 7, amountSubmitted: 123456.78,
    ...overrides,
  };
}

export function monthGroup(month: string, claims: number): KpiGroupDto {
  return { key: month, name: month, values: values({ claimsSubmitted: claims }) };
}

export function kpiReport(overrides: Partial<KpiReportDto> = {}): KpiReportDto {
  return {
    from: '2025-12', to: '2026-11', by: 'month', total: values(),
    activeMinutes: [
      { role: 'employee', minutes: 6.25, kind: 'measured', samples: 80, basisEn: 'first upload to submit', basisZh: '首次上传到提交' },
      { role: 'approver', minutes: 3, kind: 'estimated', samples: 0, basisEn: 'baseline assumption v2', basisZh: '基线 v2 的假设' },
    ],
    groups: [monthGroup('2026-10', 40), monthGroup('2026-11', 57)],
    lastEventAt: '2026-11-25T08:00:00Z', eventsProcessed: 1234,
    ...overrides,
  };
}

export function breakpoints(overrides: Partial<BreakpointsDto> = {}): BreakpointsDto {
  const wait = (median: number | null) => ({ count: 10, medianHours: median, p90Hours: median == null ? null : median * 2, meanHours: median });
  const ratio = (n: number, d: number) => ({ numerator: n, denominator: d, value: d ? n / d : null });
  const node = (stepKey: string, stepName: string, median: number | null) => ({
    flowName: '标准报销', stepKey, stepName, stepKind: 'approval', tasks: 50, approved: 48, rejected: 1, returned: 1, other: 0,
    wait: wait(median), slaBreaches: 2, reminded: 3, rejectRate: ratio(1, 50),
  });
  return {
    from: '2025-12', to: '2026-11',
    nodes: [node('manager', '直属经理', 12), node('director', '总监', 30.5), node('finance', '财务复核', null), node('vp', '副总裁', 5)],
    approvers: [{ personId: 'p-1', name: '王芳', tasks: 20, wait: wait(8), slaBreaches: 1, rejectRate: ratio(0, 20) }],
    queues: [{ personId: 'p-1', name: '王芳', open: 4, oldestWaitingHours: 50.25, overdue: 1 }],
    suggestions: [
      { flowName: '标准报销', stepKey: 'director', stepName: '总监', action: 'notify-only', tasks: 50, rejectRate: ratio(0, 50), medianWaitHours: 30.5,
        waitHoursPerMonth: 127.1, reasonEn: 'Never rejected in 50 tasks', reasonZh: '50 个任务从未拒绝' },
    ],
    asOf: '2026-11-25T09:00:00Z',
    ...overrides,
  };
}

export const DEFAULT_FIGURES: BaselineFigureDto[] = [
  { key: 'claimsPerMonth', value: 100, unit: 'claims', kind: 'assumption', source: null },
  { key: 'employeeMinutes', value: 20, unit: 'minutes', kind: 'default', source: 'APQC 2023 benchmark' },
  { key: 'hourlyCostEmployee', value: 80, unit: 'CNY/h', kind: 'default', source: '国家统计局 2024' },
];

export function baseline(version: number, overrides: Partial<BaselineDto> = {}): BaselineDto {
  return {
    id: `b-${version}`, version, name: `基线 ${version}`, currency: 'CNY', method: 'entered',
    figures: [
      { key: 'claimsPerMonth', value: 120, unit: 'claims', kind: 'entered', source: 'ERP 2025' },
      { key: 'employeeMinutes', value: 20, unit: 'minutes', kind: 'default', source: 'APQC 2023 benchmark' },
      { key: 'fixMinutes', value: 15, unit: 'minutes', kind: 'assumption', source: null },
    ],
    history: null, note: null, createdBy: 'u-1', createdByName: '管理员', createdAt: '2026-11-01T08:00:00Z',
    ...overrides,
  };
}

export function survey(): SurveyScoreDto[] {
  return [
    { key: 'employeeSatisfaction', nameEn: 'Employee satisfaction', nameZh: '员工满意度', before: 3.1, after: null, scale: '1–5', enteredBy: null, enteredByName: null, enteredAt: null },
    { key: 'financeWorkload', nameEn: 'Finance workload', nameZh: '财务工作量', before: null, after: null, scale: '1–10', enteredBy: null, enteredByName: null, enteredAt: null },
  ];
}

export function roiReport(overrides: Partial<RoiReportDto> = {}): RoiReportDto {
  return {
    from: '2025-12', to: '2026-11', months: 12, currency: 'CNY', baselineVersion: 3, baselineId: 'b-3', baselineName: '2025 年手工流程',
    comparison: [
      { key: 'minutesPerClaim', nameEn: 'Minutes per claim', nameZh: '每单用时', before: 45, after: 12.5, value: null, unit: 'minutes',
        formulaEn: 'employee + approver + finance minutes', formulaZh: '员工 + 审批人 + 财务分钟',
        inputs: [
          { key: 'employeeMinutes', nameEn: 'Employee minutes', nameZh: '员工分钟', value: 6.25, unit: 'minutes', origin: 'measured', source: '80 claims' },
          { key: 'approverMinutes', nameEn: 'Approver minutes', nameZh: '审批人分钟', value: 3, unit: 'minutes', origin: 'estimated', source: 'baseline v3' },
          { key: 'baselineMinutes', nameEn: 'Baseline minutes', nameZh: '基线分钟', value: 45, unit: 'minutes', origin: 'baseline', source: 'APQC 2023' },
        ] },
    ],
    hard: [
      { key: 'errorRate', nameEn: 'Error rate', nameZh: '差错率', before: 0.19, after: 0.124, value: 0.066, unit: 'ratio', formulaEn: 'returned ÷ submitted',
        formulaZh: '被退回 ÷ 提交', inputs: [] },
      { key: 'annualSavings', nameEn: 'Annualised savings', nameZh: '年化节省', before: null, after: null, value: 158000.5, unit: 'currency/year', formulaEn: 'x', formulaZh: 'x',
        inputs: [{ key: 'laborSaved', nameEn: 'Labour cost saved', nameZh: '节省人工成本', value: 120000, unit: 'currency', origin: 'computed', source: null }] },
      { key: 'roiPercent', nameEn: 'ROI', nameZh: '投资回报率', before: null, after: null, value: 215.4, unit: 'percent',
        formulaEn: '(annual savings − running cost) ÷ running cost', formulaZh: '（年节省 − 年运行成本）÷ 年运行成本',
        inputs: [{ key: 'annualRunningCost', nameEn: 'Annual running cost', nameZh: '年运行成本', value: 50000, unit: 'CNY', origin: 'entered', source: null }] },
    ],
    soft: survey(),
    trend: [{ month: '2026-11', claims: 57, medianCycleHours: 100, errorRate: 0.1, touchlessRate: 0.4 }],
    generatedAt: '2026-11-25T10:00:00Z',
    warnings: ['no-payback', 'not-measured:approverMinutesMeasured', 'Something new from the server'],
    ...overrides,
  };
}
