import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CostCentre } from './organization.models';

const BASE = '/api/organization/cost-centres';

@Injectable({ providedIn: 'root' })
export class CostCentresApi {
  private readonly http = inject(HttpClient);

  list(): Observable<CostCentre[]> {
    return this.http.get<CostCentre[]>(BASE);
  }

  create(costCentre: CostCentre): Observable<CostCentre> {
    return this.http.post<CostCentre>(BASE, costCentre);
  }

  update(code: string, costCentre: CostCentre): Observable<CostCentre> {
    return this.http.put<CostCentre>(`${BASE}/${encodeURIComponent(code)}`, costCentre);
  }
}
