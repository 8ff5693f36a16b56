import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Delegation, DelegationInput } from './organization.models';

const BASE = '/api/organization/delegations';

@Injectable({ providedIn: 'root' })
export class DelegationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Delegation[]> {
    return this.http.get<Delegation[]>(BASE);
  }

  create(input: DelegationInput): Observable<Delegation> {
    return this.http.post<Delegation>(BASE, input);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }
}
