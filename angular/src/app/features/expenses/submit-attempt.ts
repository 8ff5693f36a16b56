import { Observable, tap } from 'rxjs';
import { Claim, Justification } from './data/expenses.models';
import { ClaimsApi } from './data/claims.api';

/** An RFC 4122 v4 id; crypto.randomUUID exists only on HTTPS or localhost, an on-premise host may serve plain HTTP. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The server answered and its answer stands (a retry with the same key would only repeat it). */
function isDecided(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status ?? 0;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/**
 * Submits one claim with an Idempotency-Key that survives retries: a double click, or a retry after a lost response
 * or a server error, sends the same key, so the claim is submitted once. A success or a decided refusal (e.g. a
 * missing justification, which the employee then fixes) ends the attempt; the next submit gets a new key.
 */
export class SubmitAttempt {
  private key: string | null = null;

  constructor(
    private readonly api: ClaimsApi,
    private readonly makeKey: () => string = newUuid,
  ) {}

  get currentKey(): string | null {
    return this.key;
  }

  submit(claimId: string, justifications: Justification[]): Observable<Claim> {
    const key = (this.key ??= this.makeKey());
    return this.api.submit(claimId, justifications, key).pipe(
      tap({
        next: () => (this.key = null),
        error: (e) => {
          if (isDecided(e)) this.key = null;
        },
      }),
    );
  }
}
