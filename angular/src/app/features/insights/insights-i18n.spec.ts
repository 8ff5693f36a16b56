import {
  BASELINE_FIGURE_KEYS,
  BASELINE_FIGURE_KINDS,
  BASELINE_METHODS,
  EXPORT_FORMATS,
  KPI_BREAKDOWNS,
  MINUTES_KINDS,
  ROI_ORIGINS,
  SUGGESTION_ACTIONS,
} from './data/insights.models';
import { NAV_ITEMS } from '../../core/nav/nav-items';
import { Tree, lookup, missingKeys, translations, unmatchedKeys } from '../../shared/testing/i18n-tree';
import { kpiCards } from './insights-logic';
import { values } from './testing';

describe('Insights texts', () => {
  let en: Tree;
  let zh: Tree;

  beforeAll(async () => ({ en, zh } = await translations()));

  it('exist in both languages', async () => {
    expect(await unmatchedKeys(['insights', 'help', 'nav'])).toEqual([]);
  });

  it('cover every card, breakdown, kind, origin, action, figure, nav entry and help section the pages build keys for', async () => {
    const built = [
      ...kpiCards(values()).flatMap((c) => [`insights.kpi.${c.key}.label`, `insights.kpi.${c.key}.hint`, ...(c.ratio ? [`insights.kpi.${c.key}.ratio`, `insights.kpi.${c.key}.parts`] : [])]),
      ...KPI_BREAKDOWNS.map((b) => `insights.breakdown.${b}`),
      ...MINUTES_KINDS.map((k) => `insights.origin.${k}`),
      ...ROI_ORIGINS.map((k) => `insights.origin.${k}`),
      ...BASELINE_FIGURE_KINDS.map((k) => `insights.kind.${k}`),
      ...BASELINE_METHODS.map((k) => `insights.method.${k}`),
      ...SUGGESTION_ACTIONS.map((a) => `insights.suggestions.action.${a}`),
      ...EXPORT_FORMATS.map((f) => `insights.roi.export.${f}`),
      ...BASELINE_FIGURE_KEYS.map((k) => `insights.figure.${k}`),
      ...['employee', 'approver', 'finance'].map((r) => `insights.role.${r}`),
      ...['roi-needs-running-cost', 'no-payback', 'no-claims-in-period', 'not-measured'].map((w) => `insights.roi.warning.${w}`),
      ...['min/claim', 'min/error', 'claims/month', 'claims', 'currency', 'currency/h', 'currency/year', 'h', 'days', 'months', 'ratio', '%'].map((u) => `insights.unit.${u}`),
      ...NAV_ITEMS.filter((i) => i.section === 'insights').map((i) => i.label),
      'nav.section.insights',
      ...['insightsDashboard', 'insightsDefinitions', 'insightsMinutes', 'insightsBreakpoints', 'insightsRoi', 'insightsBaselines'].flatMap((s) => [`help.${s}.title`, `help.${s}.body`]),
    ];
    expect(await missingKeys(built)).toEqual([]);
    expect(lookup(zh, 'insights.origin.measured')).toBe('实测');
    expect(lookup(zh, 'insights.origin.estimated')).toBe('估算');
    expect(lookup(zh, 'insights.kind.default')).toBe('公开默认值');
    expect(lookup(zh, 'insights.suggestions.action.remove')).toBe('建议删除');
    expect(lookup(zh, 'insights.suggestions.action.notify-only')).toBe('建议改为抄送');
  });
});
