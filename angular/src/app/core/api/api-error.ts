import { ProblemDetails } from './models';

/** What every failed API call turns into (see core/http/error.interceptor.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** A message fit to show the user: the server's localised `detail`, else `title`, else a generic one. */
    readonly userMessage: string,
    readonly code: string | null = null,
    /** Validation messages by field, keys normalised to camelCase. */
    readonly fieldErrors: Record<string, string[]> = {},
    readonly problem: ProblemDetails | null = null,
  ) {
    super(userMessage);
    this.name = 'ApiError';
  }
}

export function isProblemDetails(body: unknown): body is ProblemDetails {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return typeof b['title'] === 'string' || typeof b['detail'] === 'string' || typeof b['code'] === 'string';
}

/** "TaxId" and "taxId" and "$.taxId" all name the form control "taxId". */
export function normaliseFieldKey(key: string): string {
  const last = key.replace(/^\$\./, '').split('.').pop() ?? key;
  return last.charAt(0).toLowerCase() + last.slice(1);
}

export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (!isProblemDetails(body)) return new ApiError(status, fallbackMessage);
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(body.errors ?? {})) {
    const k = normaliseFieldKey(key);
    fieldErrors[k] = [...(fieldErrors[k] ?? []), ...(Array.isArray(messages) ? messages : [String(messages)])];
  }
  const message = body.detail || body.title || fallbackMessage;
  return new ApiError(status, message, body.code ?? null, fieldErrors, body);
}
