import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { RoleGrant, RoleGrantStatus } from './organization.models';

const BASE = '/api/organization/role-grants';

/**
 * Grants that need a second administrator. Deciding answers 403 Organization.GrantNeedsAnotherAdministrator to the
 * requester and to the person, and 409 Organization.GrantAlreadyDecided when someone decided first.
 */
@Injectable({ providedIn: 'root' })
export class RoleGrantsApi {
  private readonly http = inject(HttpClient);

  list(status: RoleGrantStatus = 'Pending'): Observable<RoleGrant[]> {
    return this.http.get<RoleGrant[]>(BASE, { params: new HttpParams().set('status', status) });
  }

  confirm(id: string): Observable<RoleGrant> {
    return this.http.post<RoleGrant>(`${BASE}/${id}/confirm`, {});
  }

  reject(id: string): Observable<RoleGrant> {
    return this.http.post<RoleGrant>(`${BASE}/${id}/reject`, {});
  }
}
