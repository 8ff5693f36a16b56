import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { BankTemplateDto, SaveBankTemplateRequest } from './bank-templates.models';

const BASE = '/api/payments';

/** The banks' batch-payment templates Finance keeps (Payments.Manage). */
@Injectable({ providedIn: 'root' })
export class BankTemplatesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<BankTemplateDto[]> {
    return this.http.get<BankTemplateDto[]>(`${BASE}/templates`);
  }

  get(code: string): Observable<BankTemplateDto> {
    return this.http.get<BankTemplateDto>(`${BASE}/templates/${encodeURIComponent(code)}`);
  }

  /** Creates (201) or replaces (200) the template; 400 Payments.InvalidTemplate lists every problem in `errors`. */
  save(code: string, request: SaveBankTemplateRequest): Observable<BankTemplateDto> {
    return this.http.put<BankTemplateDto>(`${BASE}/templates/${encodeURIComponent(code)}`, request);
  }

  activate(code: string): Observable<BankTemplateDto> {
    return this.http.post<BankTemplateDto>(`${BASE}/templates/${encodeURIComponent(code)}/activate`, {});
  }

  deactivate(code: string): Observable<BankTemplateDto> {
    return this.http.post<BankTemplateDto>(`${BASE}/templates/${encodeURIComponent(code)}/deactivate`, {});
  }
}
