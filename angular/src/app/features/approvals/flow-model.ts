import {
  ApproverRule,
  ApproverType,
  AutoAction,
  Comparison,
  Condition,
  ConditionField,
  ConditionOp,
  DefinitionErrorDto,
  FlowDefinition,
  FlowDto,
  SaveFlowRequest,
  SlaDefinition,
  StepDefinition,
  StepKind,
  StepMode,
} from './data/approvals.models';

/**
 * The flow editor's model: the definition JSON made editable (strings for typed-in values, every optional part
 * present). `toForm` and `toDefinition` convert both ways; a definition in canonical form (no nulls, manager levels
 * written out, single comparisons unwrapped) survives the round trip unchanged.
 */
export interface ComparisonForm {
  field: ConditionField;
  op: ConditionOp;
  /** A number for amount; codes separated by commas for in/notIn; one code otherwise. */
  value: string;
}

export interface ConditionForm {
  /** none: always applies; simple: comparisons joined by all/any; raw: JSON typed in (nested conditions). */
  mode: 'none' | 'simple' | 'raw';
  combine: 'all' | 'any';
  comparisons: ComparisonForm[];
  raw: string;
}

export interface ApproverForm {
  type: ApproverType;
  levels: number;
  role: string;
  personId: string | null;
}

export interface SlaForm {
  enabled: boolean;
  remindAfterHours: number | null;
  escalateAfterHours: number | null;
  onTimeout: 'escalate' | AutoAction;
  escalateTo: ApproverForm;
}

export interface StepForm {
  key: string;
  name: string;
  nameEn: string;
  kind: StepKind;
  mode: StepMode;
  approvers: ApproverForm[];
  when: ConditionForm;
  sla: SlaForm;
}

export interface FlowForm {
  code: string;
  name: string;
  priority: number | null;
  isActive: boolean;
  dedupe: boolean;
  fallback: ApproverForm;
  when: ConditionForm;
  steps: StepForm[];
}

const ORDERED: readonly ConditionOp[] = ['gt', 'gte', 'lt', 'lte'];
const LISTS: readonly ConditionOp[] = ['in', 'notIn'];

export function emptyCondition(): ConditionForm {
  return { mode: 'none', combine: 'all', comparisons: [], raw: '' };
}

export function newComparison(): ComparisonForm {
  return { field: 'amount', op: 'gt', value: '' };
}

export function newApprover(type: ApproverType = 'manager'): ApproverForm {
  return { type, levels: 1, role: type === 'role' ? 'Finance' : '', personId: null };
}

export function newStep(index: number): StepForm {
  return {
    key: `step${index + 1}`, name: '', nameEn: '', kind: 'approval', mode: 'sequential', approvers: [newApprover()],
    when: emptyCondition(), sla: { enabled: false, remindAfterHours: null, escalateAfterHours: null, onTimeout: 'escalate', escalateTo: newApprover() },
  };
}

export function newFlowForm(): FlowForm {
  return {
    code: '', name: '', priority: 100, isActive: true, dedupe: true, fallback: newApprover('role'), when: emptyCondition(),
    steps: [{ ...newStep(0), key: 'manager', name: '直属上级审批', nameEn: 'Direct manager' }],
  };
}

// ---- definition → form ----

export function flowToForm(flow: Pick<FlowDto, 'code' | 'name' | 'priority' | 'isActive' | 'definition'>): FlowForm {
  const d = flow.definition ?? { steps: [] };
  return {
    code: flow.code, name: flow.name, priority: flow.priority, isActive: flow.isActive, dedupe: d.dedupe ?? true,
    fallback: approverToForm(d.fallback ?? { type: 'role', role: 'Admin' }), when: conditionToForm(d.when),
    steps: (d.steps ?? []).map(stepToForm),
  };
}

function stepToForm(s: StepDefinition): StepForm {
  return {
    key: s.key ?? '', name: s.name ?? '', nameEn: s.nameEn ?? '', kind: s.kind ?? 'approval', mode: s.mode ?? 'sequential',
    approvers: (s.approvers ?? []).map(approverToForm), when: conditionToForm(s.when), sla: slaToForm(s.sla),
  };
}

function slaToForm(sla: SlaDefinition | null | undefined): SlaForm {
  return {
    enabled: !!sla, remindAfterHours: sla?.remindAfterHours ?? null, escalateAfterHours: sla?.escalateAfterHours ?? null,
    onTimeout: sla?.autoAction ?? 'escalate', escalateTo: approverToForm(sla?.escalateTo ?? { type: 'manager', levels: 1 }),
  };
}

export function approverToForm(rule: ApproverRule): ApproverForm {
  const r = rule as Partial<{ type: ApproverType; levels: number; role: string; personId: string }>;
  return { type: r.type ?? 'manager', levels: r.levels ?? 1, role: r.role ?? '', personId: r.personId ?? null };
}

function isComparison(c: unknown): c is Comparison {
  return !!c && typeof c === 'object' && 'field' in c;
}

/** Whether the simple editor can show a comparison exactly (else the condition is edited as JSON). */
function fitsSimple(c: unknown): c is Comparison {
  if (!isComparison(c)) return false;
  if (Object.keys(c).some((k) => !['field', 'op', 'value'].includes(k))) return false;
  const op = c.op ?? 'eq';
  if (c.field === 'amount') return typeof c.value === 'number' && !LISTS.includes(op);
  if (LISTS.includes(op)) return Array.isArray(c.value) && c.value.every((v) => typeof v === 'string');
  return typeof c.value === 'string';
}

export function conditionToForm(c: Condition | null | undefined): ConditionForm {
  if (!c) return emptyCondition();
  if (fitsSimple(c)) return { mode: 'simple', combine: 'all', comparisons: [comparisonToForm(c)], raw: '' };
  const group = c as Partial<{ all: Condition[]; any: Condition[] }>;
  const list = Object.keys(c).length === 1 ? (group.all ?? group.any) : undefined;
  if (Array.isArray(list) && list.length > 0 && list.every(fitsSimple)) {
    return { mode: 'simple', combine: group.all ? 'all' : 'any', comparisons: list.map(comparisonToForm), raw: '' };
  }
  return { mode: 'raw', combine: 'all', comparisons: [], raw: JSON.stringify(c, null, 2) };
}

function comparisonToForm(c: Comparison): ComparisonForm {
  const value = Array.isArray(c.value) ? c.value.join(', ') : String(c.value);
  return { field: c.field, op: c.op ?? 'eq', value };
}

// ---- form → definition ----

export interface BuildResult {
  definition: FlowDefinition;
  /** Problems found before asking the server (e.g. JSON that does not parse), with the server's path style. */
  errors: DefinitionErrorDto[];
}

export function formToDefinition(form: FlowForm): BuildResult {
  const errors: DefinitionErrorDto[] = [];
  const definition: FlowDefinition = { steps: [] };
  const when = formToCondition(form.when, 'when', errors);
  if (when) definition.when = when;
  definition.dedupe = form.dedupe;
  definition.fallback = formToApprover(form.fallback);
  definition.steps = form.steps.map((s, i) => formToStep(s, `steps[${i}]`, errors));
  return { definition, errors };
}

export function formToRequest(form: FlowForm, definition: FlowDefinition): SaveFlowRequest {
  return { code: form.code.trim(), name: form.name.trim(), priority: form.priority ?? null, isActive: form.isActive, definition };
}

function formToStep(s: StepForm, path: string, errors: DefinitionErrorDto[]): StepDefinition {
  const step: StepDefinition = { key: s.key.trim(), name: s.name.trim() };
  if (s.nameEn.trim()) step.nameEn = s.nameEn.trim();
  step.kind = s.kind;
  step.mode = s.mode;
  step.approvers = s.approvers.map(formToApprover);
  const when = formToCondition(s.when, `${path}.when`, errors);
  if (when) step.when = when;
  if (s.sla.enabled && s.kind !== 'notify') step.sla = formToSla(s.sla);
  return step;
}

function formToSla(f: SlaForm): SlaDefinition {
  const sla: SlaDefinition = {};
  if (f.remindAfterHours !== null && `${f.remindAfterHours}` !== '') sla.remindAfterHours = Number(f.remindAfterHours);
  if (f.escalateAfterHours !== null && `${f.escalateAfterHours}` !== '') {
    sla.escalateAfterHours = Number(f.escalateAfterHours);
    if (f.onTimeout === 'escalate') sla.escalateTo = formToApprover(f.escalateTo);
    else sla.autoAction = f.onTimeout;
  }
  return sla;
}

export function formToApprover(f: ApproverForm): ApproverRule {
  switch (f.type) {
    case 'manager':
      return { type: 'manager', levels: Number(f.levels) || 1 };
    case 'departmentHead':
      return { type: 'departmentHead' };
    case 'role':
      return { type: 'role', role: f.role };
    case 'person':
      return { type: 'person', personId: f.personId ?? '' };
  }
}

export function formToCondition(f: ConditionForm, path: string, errors: DefinitionErrorDto[]): Condition | null {
  if (f.mode === 'none') return null;
  if (f.mode === 'raw') {
    const text = f.raw.trim();
    if (!text || text === 'null') return null;
    try {
      return JSON.parse(text) as Condition;
    } catch (e) {
      errors.push({ path, code: 'InvalidJson', message: (e as Error).message });
      return null;
    }
  }
  const parts = f.comparisons.map(formToComparison);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return f.combine === 'all' ? { all: parts } : { any: parts };
}

function formToComparison(c: ComparisonForm): Comparison {
  const text = c.value.trim();
  if (c.field === 'amount') {
    const n = Number(text);
    // Something that is not a number goes as typed: the server names the field (path …value) in its answer.
    return { field: c.field, op: c.op, value: text !== '' && Number.isFinite(n) ? n : text };
  }
  if (LISTS.includes(c.op)) return { field: c.field, op: c.op, value: splitCodes(text) };
  return { field: c.field, op: c.op, value: text };
}

/** "TRAVEL, MEALS、HOTEL" → ["TRAVEL", "MEALS", "HOTEL"]. */
export function splitCodes(text: string): string[] {
  return text.split(/[,，、;\s]+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The operators that make sense for a field (amount: no lists; grade: by rank; other codes: equality and lists). */
export function opsFor(field: ConditionField): ConditionOp[] {
  if (field === 'amount') return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];
  if (field === 'grade') return ['eq', 'ne', 'in', 'notIn', ...ORDERED];
  return ['eq', 'ne', 'in', 'notIn'];
}

/** Moves a step up (-1) or down (+1); returns false at the ends. */
export function moveStep(steps: StepForm[], index: number, delta: -1 | 1): boolean {
  const target = index + delta;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return false;
  [steps[index], steps[target]] = [steps[target], steps[index]];
  return true;
}
