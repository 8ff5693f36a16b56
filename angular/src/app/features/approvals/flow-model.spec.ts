import { FlowDefinition } from './data/approvals.models';
import { conditionToForm, flowToForm, formToCondition, formToDefinition, formToRequest, moveStep, newStep, opsFor, splitCodes } from './flow-model';

const definition: FlowDefinition = {
  when: { all: [{ field: 'amount', op: 'gte', value: 5000 }, { field: 'category', op: 'in', value: ['TRAVEL', 'HOTEL'] }] },
  dedupe: true,
  fallback: { type: 'role', role: 'Admin' },
  steps: [
    {
      key: 'manager', name: '直属上级审批', nameEn: 'Direct manager', kind: 'approval', mode: 'sequential',
      approvers: [{ type: 'manager', levels: 1 }],
      sla: { remindAfterHours: 24, escalateAfterHours: 48, escalateTo: { type: 'manager', levels: 1 } },
    },
    {
      key: 'heads', name: '部门负责人会签', kind: 'approval', mode: 'all',
      approvers: [{ type: 'departmentHead' }, { type: 'person', personId: '0190a1b2-0000-7000-8000-000000000001' }],
      when: { any: [{ field: 'grade', op: 'gte', value: 'G5' }, { field: 'costCentre', op: 'eq', value: 'CC-100' }] },
      sla: { escalateAfterHours: 72, autoAction: 'approve' },
    },
    { key: 'hr', name: '人事知会', kind: 'notify', mode: 'sequential', approvers: [{ type: 'role', role: 'HR' }], when: { not: { field: 'department', op: 'eq', value: 'HR' } } },
    { key: 'finance', name: '财务审核', nameEn: 'Finance review', kind: 'financeReview', mode: 'any', approvers: [{ type: 'role', role: 'Finance' }] },
  ],
};

describe('flow definition ↔ form model', () => {
  it('survives the round trip unchanged', () => {
    const form = flowToForm({ code: 'BIG', name: 'Large claims', priority: 10, isActive: true, definition });
    const { definition: back, errors } = formToDefinition(form);
    expect(errors).toEqual([]);
    expect(back).toEqual(definition);
  });

  it('edits simple conditions as comparisons and nested ones as JSON', () => {
    const form = flowToForm({ code: 'X', name: 'X', priority: 1, isActive: true, definition });
    expect(form.when.mode).toBe('simple');
    expect(form.when.combine).toBe('all');
    expect(form.when.comparisons).toEqual([
      { field: 'amount', op: 'gte', value: '5000' },
      { field: 'category', op: 'in', value: 'TRAVEL, HOTEL' },
    ]);
    expect(form.steps[1].when.combine).toBe('any');
    expect(form.steps[2].when.mode).toBe('raw');
    expect(JSON.parse(form.steps[2].when.raw)).toEqual({ not: { field: 'department', op: 'eq', value: 'HR' } });
    expect(form.steps[3].when.mode).toBe('none');
  });

  it('keeps the SLA choice: escalate to someone, or act automatically', () => {
    const form = flowToForm({ code: 'X', name: 'X', priority: 1, isActive: true, definition });
    expect(form.steps[0].sla).toMatchObject({ enabled: true, remindAfterHours: 24, escalateAfterHours: 48, onTimeout: 'escalate' });
    expect(form.steps[1].sla).toMatchObject({ enabled: true, remindAfterHours: null, onTimeout: 'approve' });
    expect(form.steps[3].sla.enabled).toBe(false);
    form.steps[0].sla.onTimeout = 'reject';
    expect(formToDefinition(form).definition.steps[0].sla).toEqual({ remindAfterHours: 24, escalateAfterHours: 48, autoAction: 'reject' });
    form.steps[0].sla.enabled = false;
    expect(formToDefinition(form).definition.steps[0].sla).toBeUndefined();
  });

  it('builds the save request from the general fields', () => {
    const form = flowToForm({ code: ' BIG ', name: 'Large ', priority: 10, isActive: false, definition });
    expect(formToRequest(form, definition)).toEqual({ code: 'BIG', name: 'Large', priority: 10, isActive: false, definition });
  });

  it('turns typed values into numbers and code lists, leaving a non-number for the server to name', () => {
    const errors: never[] = [];
    expect(formToCondition({ mode: 'simple', combine: 'any', comparisons: [{ field: 'amount', op: 'gt', value: ' 1000.5 ' }], raw: '' }, 'when', errors)).toEqual({ field: 'amount', op: 'gt', value: 1000.5 });
    expect(formToCondition({ mode: 'simple', combine: 'any', comparisons: [{ field: 'amount', op: 'gt', value: 'abc' }], raw: '' }, 'when', errors)).toEqual({ field: 'amount', op: 'gt', value: 'abc' });
    expect(formToCondition({ mode: 'simple', combine: 'any', comparisons: [{ field: 'category', op: 'notIn', value: 'A，B、C' }], raw: '' }, 'when', errors)).toEqual({ field: 'category', op: 'notIn', value: ['A', 'B', 'C'] });
    expect(formToCondition({ mode: 'simple', combine: 'all', comparisons: [], raw: '' }, 'when', errors)).toBeNull();
    expect(splitCodes(' TRAVEL, ,MEALS ')).toEqual(['TRAVEL', 'MEALS']);
  });

  it('reports JSON that does not parse with the condition path, before asking the server', () => {
    const form = flowToForm({ code: 'X', name: 'X', priority: 1, isActive: true, definition });
    form.steps[2].when.raw = '{ "not": ';
    const { errors } = formToDefinition(form);
    expect(errors.map((e) => [e.path, e.code])).toEqual([['steps[2].when', 'InvalidJson']]);
  });

  it('shows an unusual comparison (array for eq, extra property) as JSON rather than change it', () => {
    expect(conditionToForm({ field: 'category', op: 'eq', value: ['A'] }).mode).toBe('raw');
    expect(conditionToForm({ field: 'amount', op: 'in', value: 5 } as never).mode).toBe('raw');
    expect(conditionToForm(null).mode).toBe('none');
  });

  it('moves steps within bounds only', () => {
    const steps = [newStep(0), newStep(1), newStep(2)];
    expect(moveStep(steps, 0, -1)).toBe(false);
    expect(moveStep(steps, 0, 1)).toBe(true);
    expect(steps.map((s) => s.key)).toEqual(['step2', 'step1', 'step3']);
    expect(moveStep(steps, 2, 1)).toBe(false);
  });

  it('offers the operators each field allows', () => {
    expect(opsFor('amount')).not.toContain('in');
    expect(opsFor('category')).not.toContain('gt');
    expect(opsFor('grade')).toContain('gte');
  });
});
