import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Grade } from './organization.models';

const BASE = '/api/organization/grades';

@Injectable({ providedIn: 'root' })
export class GradesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Grade[]> {
    return this.http.get<Grade[]>(BASE);
  }

  create(grade: Grade): Observable<Grade> {
    return this.http.post<Grade>(BASE, grade);
  }

  update(code: string, grade: Grade): Observable<Grade> {
    return this.http.put<Grade>(`${BASE}/${encodeURIComponent(code)}`, grade);
  }
}
