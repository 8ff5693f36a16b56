import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { LegalEntity, LegalEntityInput } from './organization.models';

const BASE = '/api/organization/legal-entities';

@Injectable({ providedIn: 'root' })
export class LegalEntitiesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<LegalEntity[]> {
    return this.http.get<LegalEntity[]>(BASE);
  }

  create(input: LegalEntityInput): Observable<LegalEntity> {
    return this.http.post<LegalEntity>(BASE, input);
  }

  update(id: string, input: LegalEntityInput): Observable<LegalEntity> {
    return this.http.put<LegalEntity>(`${BASE}/${id}`, input);
  }
}
