import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { PolicySettings, TravelClassRule } from './expenses.models';

const BASE = '/api/expenses/policy';

/** The Expenses policy (Expenses.ManagePolicy): severities of the rules and 差标 per grade. */
@Injectable({ providedIn: 'root' })
export class ExpensePolicyApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<PolicySettings> {
    return this.http.get<PolicySettings>(`${BASE}/settings`);
  }

  saveSettings(settings: PolicySettings): Observable<PolicySettings> {
    return this.http.put<PolicySettings>(`${BASE}/settings`, settings);
  }

  travelClasses(): Observable<TravelClassRule[]> {
    return this.http.get<TravelClassRule[]>(`${BASE}/travel-classes`);
  }

  /** Creates or replaces the rule of one grade (null = everyone else). */
  saveTravelClasses(rule: TravelClassRule): Observable<TravelClassRule> {
    return this.http.put<TravelClassRule>(`${BASE}/travel-classes`, rule);
  }
}
