/** Shapes of the ExpenseFlow HTTP API (JSON camelCase, dates yyyy-MM-dd, ids are GUID strings). */

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** Stable error code, e.g. "Organization.InvalidTaxId". */
  code?: string;
  /** Validation errors by field name. */
  errors?: Record<string, string[]>;
  traceId?: string;
}

export interface CurrentUser {
  userId: string;
  /** null for an account that is not linked to a person (e.g. a bootstrap administrator). */
  personId: string | null;
  email: string;
  displayName: string;
  roles: string[];
  permissions: string[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface PagedResult<T> {
  items: T[];
  totalCount: number;
}
