import { ApiError } from '../../core/api/api-error';
import { toApiError } from '../../core/api/api-error';
import { definitionErrors, placeErrors } from './flow-errors';

const e = (path: string) => ({ path, code: 'Required', message: `${path} is wrong` });

describe('flow definition error placement', () => {
  it('puts step errors next to their step with the path inside it, and the rest with the flow', () => {
    const placed = placeErrors([e('steps[1].approvers[0].type'), e('when.all[0].value'), e('steps[0].key'), e('steps'), e('steps[1]'), e('fallback.role')], 3);
    expect(placed.flow.map((x) => x.path)).toEqual(['when.all[0].value', 'steps', 'fallback.role']);
    expect(placed.steps[0].map((x) => x.field)).toEqual(['key']);
    expect(placed.steps[1].map((x) => x.field)).toEqual(['approvers[0].type', '']);
    expect(placed.steps[2]).toBeUndefined();
  });

  it('keeps an error about a step that no longer exists with the flow', () => {
    expect(placeErrors([e('steps[5].sla.escalateTo')], 2).flow.map((x) => x.path)).toEqual(['steps[5].sla.escalateTo']);
  });

  it('reads the errors of a 400 InvalidDefinition, and nothing from other failures', () => {
    const invalid = toApiError(400, { title: 'Invalid', code: 'Approvals.InvalidDefinition', errors: [{ path: 'steps[0].mode', code: 'Unknown', message: 'Unknown mode' }] }, 'x');
    expect(definitionErrors(invalid)).toEqual([{ path: 'steps[0].mode', code: 'Unknown', message: 'Unknown mode' }]);
    expect(definitionErrors(new ApiError(409, 'Duplicate', 'Approvals.DuplicateFlowCode'))).toBeNull();
    expect(definitionErrors(new Error('network'))).toBeNull();
  });
});
