import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { PagedResult } from '../../../core/api/models';
import { BankAccount, CreatePersonRequest, ImportReport, NewBankAccount, PeopleQuery, Person, PersonInput, PersonListItem, PersonLookupItem } from './organization.models';

const BASE = '/api/organization/people';

@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  list(query: PeopleQuery): Observable<PagedResult<PersonListItem>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.search) params = params.set('search', query.search);
    if (query.departmentId) params = params.set('departmentId', query.departmentId);
    if (query.sort) params = params.set('sort', query.sort);
    return this.http.get<PagedResult<PersonListItem>>(BASE, { params });
  }

  /**
   * Colleagues by name or employee number for pickers any employee uses (e.g. choosing a delegate); needs no
   * People.Read, returns at most 20 active people.
   */
  lookup(search: string): Observable<PersonLookupItem[]> {
    const term = search.trim();
    const params = term ? new HttpParams().set('search', term) : new HttpParams();
    return this.http.get<PersonLookupItem[]>(`${BASE}/lookup`, { params });
  }

  get(id: string): Observable<Person> {
    return this.http.get<Person>(`${BASE}/${id}`);
  }

  create(request: CreatePersonRequest): Observable<Person> {
    return this.http.post<Person>(BASE, request);
  }

  update(id: string, request: PersonInput): Observable<Person> {
    return this.http.put<Person>(`${BASE}/${id}`, request);
  }

  /** An administrator sets a new password (e.g. the person forgot theirs). */
  setPassword(id: string, password: string): Observable<void> {
    return this.http.post<void>(`${BASE}/${id}/password`, { password });
  }

  import(file: File): Observable<ImportReport> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ImportReport>(`${BASE}/import`, form);
  }

  bankAccounts(personId: string): Observable<BankAccount[]> {
    return this.http.get<BankAccount[]>(`${BASE}/${personId}/bank-accounts`);
  }

  addBankAccount(personId: string, account: NewBankAccount): Observable<BankAccount> {
    return this.http.post<BankAccount>(`${BASE}/${personId}/bank-accounts`, account);
  }

  deleteBankAccount(personId: string, accountId: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${personId}/bank-accounts/${accountId}`);
  }
}
