import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { BankAccountChange, BankAccountLogEntry } from './organization.models';

/** Changes to where people are paid: Finance lists, confirms and rejects them; an owner reads the log of their accounts. */
@Injectable({ providedIn: 'root' })
export class AccountChangesApi {
  private readonly http = inject(HttpClient);

  /** Changes awaiting a decision (pending, or an owner's own change still in its waiting period). */
  open(): Observable<BankAccountChange[]> {
    return this.http.get<BankAccountChange[]>('/api/organization/bank-account-changes');
  }

  confirm(id: string): Observable<BankAccountChange> {
    return this.http.post<BankAccountChange>(`/api/organization/bank-account-changes/${id}/confirm`, {});
  }

  reject(id: string, note: string | null): Observable<BankAccountChange> {
    return this.http.post<BankAccountChange>(`/api/organization/bank-account-changes/${id}/reject`, { note });
  }

  log(personId: string): Observable<BankAccountLogEntry[]> {
    return this.http.get<BankAccountLogEntry[]>(`/api/organization/people/${personId}/bank-account-log`);
  }
}
