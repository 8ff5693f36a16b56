import { ApiError } from '../../core/api/api-error';
import { DefinitionErrorDto } from './data/approvals.models';

export interface PlacedErrors {
  /** Errors about the flow as a whole (its condition, fallback, the steps list, unknown properties). */
  flow: DefinitionErrorDto[];
  /** Errors about one step, by the step's index, with the path inside the step (e.g. "approvers[0].type"). */
  steps: Record<number, PlacedError[]>;
}

export interface PlacedError extends DefinitionErrorDto {
  /** The path below the step; "" for the step itself. */
  field: string;
}

const STEP_PATH = /^(?:\$\.)?steps\[(\d+)\](?:\.(.*))?$/;

/** Puts each error next to the step it concerns; anything else stays with the flow. */
export function placeErrors(errors: readonly DefinitionErrorDto[], stepCount: number): PlacedErrors {
  const placed: PlacedErrors = { flow: [], steps: {} };
  for (const e of errors) {
    const m = STEP_PATH.exec(e.path);
    const index = m ? Number(m[1]) : -1;
    if (m && index < stepCount) {
      (placed.steps[index] ??= []).push({ ...e, field: m[2] ?? '' });
    } else {
      placed.flow.push(e);
    }
  }
  return placed;
}

/** The definition errors of a failed save or preview (400 Approvals.InvalidDefinition), or null for any other failure. */
export function definitionErrors(error: unknown): DefinitionErrorDto[] | null {
  if (!(error instanceof ApiError) || error.code !== 'Approvals.InvalidDefinition') return null;
  const list = (error.problem as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({ path: String(e['path'] ?? ''), code: String(e['code'] ?? ''), message: String(e['message'] ?? '') }));
}
