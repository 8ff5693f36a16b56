import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ReceiptDto } from './expenses.models';

const BASE = '/api/expenses/receipts';

export const MAX_RECEIPT_FILES = 20;
export const MAX_RECEIPT_BYTES = 20 * 1024 * 1024;

@Injectable({ providedIn: 'root' })
export class ReceiptsApi {
  private readonly http = inject(HttpClient);

  /** Multipart upload (field `files`) with progress events; the last event carries the created receipts. */
  upload(files: readonly File[]): Observable<HttpEvent<ReceiptDto[]>> {
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    return this.http.post<ReceiptDto[]>(BASE, form, { reportProgress: true, observe: 'events' });
  }

  unattached(): Observable<ReceiptDto[]> {
    return this.http.get<ReceiptDto[]>(BASE, { params: new HttpParams().set('unattached', true) });
  }

  get(id: string): Observable<ReceiptDto> {
    return this.http.get<ReceiptDto>(`${BASE}/${id}`);
  }

  /** Where the browser fetches the file itself (an <img> source, a download link). */
  contentUrl(id: string): string {
    return `${BASE}/${id}/content`;
  }
}
