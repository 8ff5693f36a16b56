import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CurrentUser, LoginRequest } from './models';

const BASE = '/api/organization/account';

@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  login(request: LoginRequest): Observable<CurrentUser> {
    return this.http.post<CurrentUser>(`${BASE}/login`, request);
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${BASE}/logout`, null);
  }

  me(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>(`${BASE}/me`);
  }
}
