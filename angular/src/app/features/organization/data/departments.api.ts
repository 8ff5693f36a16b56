import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Department, DepartmentInput } from './organization.models';

const BASE = '/api/organization/departments';

@Injectable({ providedIn: 'root' })
export class DepartmentsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Department[]> {
    return this.http.get<Department[]>(BASE);
  }

  create(input: DepartmentInput): Observable<Department> {
    return this.http.post<Department>(BASE, input);
  }

  update(id: string, input: DepartmentInput): Observable<Department> {
    return this.http.put<Department>(`${BASE}/${id}`, input);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }
}
