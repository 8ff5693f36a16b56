import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  AccountingMapping,
  BatchDto,
  BatchStatus,
  BuildBatchRequest,
  EntryMatch,
  JournalFormat,
  PayableDto,
  PayablesQuery,
  PaymentFileDto,
  PaymentFileFormat,
  PaymentFileFormatDto,
  ReconciliationEntryDto,
  ResolveEntryRequest,
  StatementFormat,
  StatementImportDto,
} from './payments.models';

const BASE = '/api/payments';

/** The payables filters → query string; empty filters are left out, the currency is sent upper-case. */
export function payablesQueryParams(query: PayablesQuery): HttpParams {
  let params = new HttpParams();
  if (query.status) params = params.set('status', query.status);
  if (query.legalEntityId) params = params.set('legalEntityId', query.legalEntityId);
  const currency = query.currency?.trim().toUpperCase();
  if (currency) params = params.set('currency', currency);
  if (query.approvedFrom) params = params.set('approvedFrom', query.approvedFrom);
  if (query.approvedTo) params = params.set('approvedTo', query.approvedTo);
  return params;
}

/** The reconciliation queue's match filter as one comma-separated value. */
export function reconciliationQueryParams(match: readonly EntryMatch[]): HttpParams {
  return match.length ? new HttpParams().set('match', match.join(',')) : new HttpParams();
}

@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  payables(query: PayablesQuery): Observable<PayableDto[]> {
    return this.http.get<PayableDto[]>(`${BASE}/payables`, { params: payablesQueryParams(query) });
  }

  /** Re-reads the employee's default bank account; a hold is released when it is valid now. */
  refreshAccount(payableId: string): Observable<PayableDto> {
    return this.http.post<PayableDto>(`${BASE}/payables/${payableId}/refresh-account`, {});
  }

  batches(status?: BatchStatus | null): Observable<BatchDto[]> {
    const params = status ? new HttpParams().set('status', status) : new HttpParams();
    return this.http.get<BatchDto[]>(`${BASE}/batches`, { params });
  }

  batch(id: string): Observable<BatchDto> {
    return this.http.get<BatchDto>(`${BASE}/batches/${id}`);
  }

  /** The maker's step: 201 with the draft batch; 409 Payments.PayableTaken, 400 Payments.NothingToPay. */
  buildBatch(request: BuildBatchRequest): Observable<BatchDto> {
    return this.http.post<BatchDto>(`${BASE}/batches`, request);
  }

  /** The checker's step; 403 Payments.MakerCannotRelease for the maker. */
  release(id: string): Observable<BatchDto> {
    return this.http.post<BatchDto>(`${BASE}/batches/${id}/release`, {});
  }

  cancel(id: string): Observable<BatchDto> {
    return this.http.post<BatchDto>(`${BASE}/batches/${id}/cancel`, {});
  }

  files(batchId: string): Observable<PaymentFileDto[]> {
    return this.http.get<PaymentFileDto[]>(`${BASE}/batches/${batchId}/files`);
  }

  /** The pain.001 versions, then `{code}-csv` and `{code}-xlsx` for each active bank template. */
  fileFormats(): Observable<PaymentFileFormatDto[]> {
    return this.http.get<PaymentFileFormatDto[]>(`${BASE}/file-formats`);
  }

  /** The bank file itself (generated and stored on first request; Released/Closed batches only, else 409; an unknown or inactive template's format 400). */
  downloadFile(batchId: string, format: PaymentFileFormat): Observable<HttpResponse<Blob>> {
    return this.http.get(`${BASE}/batches/${batchId}/files/${encodeURIComponent(format)}`, { responseType: 'blob', observe: 'response' });
  }

  /** The batch's journal (记账凭证) as CSV or .xlsx, by the accounting mapping (Released/Closed batches only, else 409). */
  downloadJournal(batchId: string, format: JournalFormat): Observable<HttpResponse<Blob>> {
    const params = new HttpParams().set('format', format);
    return this.http.get(`${BASE}/batches/${batchId}/journal`, { params, responseType: 'blob', observe: 'response' });
  }

  accountingMapping(): Observable<AccountingMapping> {
    return this.http.get<AccountingMapping>(`${BASE}/accounting/mapping`);
  }

  /** 400 Payments.InvalidAccountingMapping when an account code is not 1 to 20 letters, digits, dots or dashes. */
  saveAccountingMapping(mapping: AccountingMapping): Observable<AccountingMapping> {
    return this.http.put<AccountingMapping>(`${BASE}/accounting/mapping`, mapping);
  }

  /** Multipart: `file`, and `format` only when the user chose one (else the server recognises it). */
  importStatement(file: File, format?: StatementFormat | null): Observable<StatementImportDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (format) form.append('format', format);
    return this.http.post<StatementImportDto>(`${BASE}/statements`, form);
  }

  statements(): Observable<StatementImportDto[]> {
    return this.http.get<StatementImportDto[]>(`${BASE}/statements`);
  }

  reconciliation(match: readonly EntryMatch[]): Observable<ReconciliationEntryDto[]> {
    return this.http.get<ReconciliationEntryDto[]>(`${BASE}/reconciliation`, { params: reconciliationQueryParams(match) });
  }

  resolve(entryId: string, request: ResolveEntryRequest): Observable<ReconciliationEntryDto> {
    return this.http.post<ReconciliationEntryDto>(`${BASE}/reconciliation/${entryId}/resolve`, request);
  }

  /** The checker's half of reopening a payment from the queue; the server refuses the one who proposed it. */
  confirmReturn(entryId: string): Observable<ReconciliationEntryDto> {
    return this.http.post<ReconciliationEntryDto>(`${BASE}/reconciliation/${entryId}/confirm-return`, null);
  }
}
