import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ClaimsApi } from './data/claims.api';
import { SubmitAttempt, newUuid } from './submit-attempt';

describe('SubmitAttempt', () => {
  let backend: HttpTestingController;
  let attempt: SubmitAttempt;
  let n: number;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    n = 0;
    attempt = new SubmitAttempt(TestBed.inject(ClaimsApi), () => `key-${++n}`);
  });

  afterEach(() => backend.verify());

  const justifications = [{ rule: 'CategoryLimitPerItem', line: 0, text: 'client dinner' }];
  const send = () => {
    attempt.submit('c-1', justifications).subscribe({ error: () => undefined });
    return backend.expectOne({ method: 'POST', url: '/api/expenses/claims/c-1/submit' });
  };

  it('sends the justifications with an Idempotency-Key header', () => {
    const req = send();
    expect(req.request.headers.get('Idempotency-Key')).toBe('key-1');
    expect(req.request.body).toEqual({ justifications });
    req.flush({ id: 'c-1', status: 'Submitted' });
  });

  it('reuses the key when a submit is retried after a server error or a lost response', () => {
    send().flush(null, { status: 503, statusText: 'Unavailable' });
    send().error(new ProgressEvent('error'));
    const third = send();
    expect(third.request.headers.get('Idempotency-Key')).toBe('key-1');
    third.flush({ id: 'c-1', status: 'Submitted' });
    expect(n).toBe(1);
  });

  it('reuses the key for a second click while the first submit is still on its way', () => {
    attempt.submit('c-1', justifications).subscribe();
    attempt.submit('c-1', justifications).subscribe();
    const reqs = backend.match('/api/expenses/claims/c-1/submit');
    expect(reqs.map((r) => r.request.headers.get('Idempotency-Key'))).toEqual(['key-1', 'key-1']);
    reqs.forEach((r) => r.flush({ id: 'c-1', status: 'Submitted' }));
  });

  it('starts a new attempt after the server decided (missing justification) or after success', () => {
    send().flush({ code: 'Expenses.JustificationRequired' }, { status: 422, statusText: 'Unprocessable' });
    const second = send();
    expect(second.request.headers.get('Idempotency-Key')).toBe('key-2');
    second.flush({ id: 'c-1', status: 'Submitted' });
    const third = send();
    expect(third.request.headers.get('Idempotency-Key')).toBe('key-3');
    third.flush({ id: 'c-1', status: 'Submitted' });
  });

  it('makes RFC 4122 version 4 keys', () => {
    expect(newUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
