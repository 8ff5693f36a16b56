import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { FlowDefinition, FlowDto, FlowSummaryDto, PreviewDto, PreviewRequest, SaveFlowRequest, ValidationResultDto } from './approvals.models';

const BASE = '/api/approvals/flows';

/** Approval flow administration (permission Approvals.ManageFlows). */
@Injectable({ providedIn: 'root' })
export class ApprovalFlowsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<FlowSummaryDto[]> {
    return this.http.get<FlowSummaryDto[]>(BASE);
  }

  get(id: string): Observable<FlowDto> {
    return this.http.get<FlowDto>(`${BASE}/${id}`);
  }

  create(request: SaveFlowRequest): Observable<FlowDto> {
    return this.http.post<FlowDto>(BASE, request);
  }

  /** Saves a new version of the flow. */
  update(id: string, request: SaveFlowRequest): Observable<FlowDto> {
    return this.http.put<FlowDto>(`${BASE}/${id}`, request);
  }

  activate(id: string): Observable<FlowSummaryDto> {
    return this.http.post<FlowSummaryDto>(`${BASE}/${id}/activate`, {});
  }

  deactivate(id: string): Observable<FlowSummaryDto> {
    return this.http.post<FlowSummaryDto>(`${BASE}/${id}/deactivate`, {});
  }

  /** `isDefault` lets the server apply the default flow's extra rule (no condition); the contract's body is `{ definition }`. */
  validate(definition: FlowDefinition, isDefault = false): Observable<ValidationResultDto> {
    return this.http.post<ValidationResultDto>(`${BASE}/validate`, isDefault ? { definition, isDefault } : { definition });
  }

  preview(request: PreviewRequest): Observable<PreviewDto> {
    return this.http.post<PreviewDto>(`${BASE}/preview`, request);
  }

  schema(): Observable<unknown> {
    return this.http.get<unknown>(`${BASE}/schema`);
  }
}
