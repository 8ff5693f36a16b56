import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { PagedResult } from '../../../core/api/models';
import { Claim, ClaimInput, ClaimListItem, ClaimsQuery, ExpenseCategory, Justification, PolicyFinding } from './expenses.models';

const BASE = '/api/expenses/claims';

/** My claims' filters, paging and sort → query string (status as one comma-separated value). */
export function claimsQueryParams(query: ClaimsQuery): HttpParams {
  let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
  if (query.status?.length) params = params.set('status', query.status.join(','));
  if (query.from) params = params.set('from', query.from);
  if (query.to) params = params.set('to', query.to);
  if (query.search) params = params.set('search', query.search);
  if (query.sort) params = params.set('sort', query.sort);
  return params;
}

@Injectable({ providedIn: 'root' })
export class ClaimsApi {
  private readonly http = inject(HttpClient);

  categories(): Observable<ExpenseCategory[]> {
    return this.http.get<ExpenseCategory[]>('/api/expenses/categories');
  }

  list(query: ClaimsQuery): Observable<PagedResult<ClaimListItem>> {
    return this.http.get<PagedResult<ClaimListItem>>(BASE, { params: claimsQueryParams(query) });
  }

  get(id: string): Observable<Claim> {
    return this.http.get<Claim>(`${BASE}/${id}`);
  }

  create(input: ClaimInput): Observable<Claim> {
    return this.http.post<Claim>(BASE, input);
  }

  update(id: string, input: ClaimInput): Observable<Claim> {
    return this.http.put<Claim>(`${BASE}/${id}`, input);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }

  check(id: string): Observable<PolicyFinding[]> {
    return this.http.post<PolicyFinding[]>(`${BASE}/${id}/check`, {});
  }

  /** The same key on a retry makes the server return the first attempt's result instead of submitting twice. */
  submit(id: string, justifications: Justification[], idempotencyKey: string): Observable<Claim> {
    const headers = new HttpHeaders({ 'Idempotency-Key': idempotencyKey });
    return this.http.post<Claim>(`${BASE}/${id}/submit`, { justifications }, { headers });
  }

  cancel(id: string, reason: string): Observable<Claim> {
    return this.http.post<Claim>(`${BASE}/${id}/cancel`, { reason });
  }
}
