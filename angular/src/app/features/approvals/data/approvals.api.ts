import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import {
  ApprovalDto,
  BatchItemResultDto,
  ClaimReviewDto,
  Decision,
  InboxItemDto,
  InboxPage,
  InboxQuery,
} from './approvals.models';

const BASE = '/api/approvals';

/** The inbox's tab, filters, sort and paging → query string (empty filters left out). */
export function inboxQueryParams(query: InboxQuery): HttpParams {
  let params = new HttpParams().set('view', query.view);
  const search = query.search?.trim();
  if (search) params = params.set('search', search);
  if (isAmount(query.minAmount)) params = params.set('minAmount', query.minAmount);
  if (isAmount(query.maxAmount)) params = params.set('maxAmount', query.maxAmount);
  if (query.sort) params = params.set('sort', query.sort);
  return params.set('page', query.page).set('pageSize', query.pageSize);
}

function isAmount(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly http = inject(HttpClient);

  /** The contract names the count `total`; the shared PagedResult calls it `totalCount`: either is accepted. */
  inbox(query: InboxQuery): Observable<InboxPage> {
    type Raw = { items: InboxItemDto[]; total?: number; totalCount?: number };
    return this.http.get<Raw>(`${BASE}/inbox`, { params: inboxQueryParams(query) }).pipe(
      map((r) => ({ items: r.items ?? [], total: r.total ?? r.totalCount ?? 0 })),
    );
  }

  decide(taskId: string, decision: Decision, comment?: string): Observable<ApprovalDto> {
    const body = comment?.trim() ? { decision, comment: comment.trim() } : { decision };
    return this.http.post<ApprovalDto>(`${BASE}/tasks/${taskId}/decision`, body);
  }

  batchApprove(taskIds: string[], comment?: string): Observable<BatchItemResultDto[]> {
    const body = comment?.trim() ? { taskIds, comment: comment.trim() } : { taskIds };
    return this.http.post<BatchItemResultDto[]>(`${BASE}/tasks/batch-approve`, body);
  }

  /** Marks a notify-only (抄送) task read. */
  markRead(taskId: string): Observable<void> {
    return this.http.post<void>(`${BASE}/tasks/${taskId}/read`, {});
  }

  review(claimId: string): Observable<ClaimReviewDto> {
    return this.http.get<ClaimReviewDto>(`${BASE}/claims/${claimId}`);
  }

  /** Where the browser fetches a receipt of a claim under review (an <img> source, a PDF link). */
  receiptUrl(claimId: string, receiptId: string): string {
    return `${BASE}/claims/${claimId}/receipts/${receiptId}/content`;
  }
}
