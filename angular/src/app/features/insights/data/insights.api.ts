import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  BaselineDto,
  BaselineFigureDto,
  BreakpointsDto,
  KpiQuery,
  KpiReportDto,
  RebuildResultDto,
  RoiExportFormat,
  RoiQuery,
  RoiReportDto,
  SaveBaselineRequest,
  SurveyScoreDto,
  SurveyScoreInput,
} from './insights.models';

const BASE = '/api/insights';

/** A period (and for the ROI report the baseline version) → query string; the baseline version only when chosen. */
export function periodParams(query: { from: string; to: string; baselineVersion?: number | null }): HttpParams {
  let params = new HttpParams().set('from', query.from).set('to', query.to);
  if (query.baselineVersion != null) params = params.set('baselineVersion', String(query.baselineVersion));
  return params;
}

/** The address of the ROI report as a file, for a plain download link (same origin: the session cookie goes along). */
export function roiExportUrl(format: RoiExportFormat, query: RoiQuery, lang: string): string {
  let params = new HttpParams().set('format', format).set('from', query.from).set('to', query.to);
  if (query.baselineVersion != null) params = params.set('baselineVersion', String(query.baselineVersion));
  return `${BASE}/roi/export?${params.set('lang', lang).toString()}`;
}

@Injectable({ providedIn: 'root' })
export class InsightsApi {
  private readonly http = inject(HttpClient);

  /** The KPIs of the months from..to, with one row per month (default) or per department / category / legal entity. */
  kpis(query: KpiQuery): Observable<KpiReportDto> {
    const params = periodParams(query).set('by', query.by ?? 'month');
    return this.http.get<KpiReportDto>(`${BASE}/kpis`, { params });
  }

  breakpoints(from: string, to: string): Observable<BreakpointsDto> {
    return this.http.get<BreakpointsDto>(`${BASE}/breakpoints`, { params: periodParams({ from, to }) });
  }

  /** Every version, newest first. */
  baselines(): Observable<BaselineDto[]> {
    return this.http.get<BaselineDto[]>(`${BASE}/baselines`);
  }

  /** The published defaults (kind `default`, with their sources) and the assumptions to replace (kind `assumption`). */
  baselineDefaults(): Observable<BaselineFigureDto[]> {
    return this.http.get<BaselineFigureDto[]>(`${BASE}/baselines/defaults`);
  }

  baseline(version: number): Observable<BaselineDto> {
    return this.http.get<BaselineDto>(`${BASE}/baselines/${version}`);
  }

  /** 201 with a new immutable version (Insights.ManageBaseline). */
  saveBaseline(request: SaveBaselineRequest): Observable<BaselineDto> {
    return this.http.post<BaselineDto>(`${BASE}/baselines`, request);
  }

  /**
   * Multipart: `file` (CSV of past claims: claimNumber,submittedAt,approvedAt,paidAt,returned[,department,category,amount]),
   * `name`, and `currency` when given. 201 with a `measured` version and the history summary.
   */
  importHistory(file: File, name: string, currency?: string | null): Observable<BaselineDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('name', name);
    const c = currency?.trim().toUpperCase();
    if (c) form.append('currency', c);
    return this.http.post<BaselineDto>(`${BASE}/baselines/import-history`, form);
  }

  survey(): Observable<SurveyScoreDto[]> {
    return this.http.get<SurveyScoreDto[]>(`${BASE}/survey`);
  }

  /** Insights.EnterSurvey. */
  saveSurvey(scores: SurveyScoreInput[]): Observable<SurveyScoreDto[]> {
    return this.http.put<SurveyScoreDto[]>(`${BASE}/survey`, scores);
  }

  roi(query: RoiQuery): Observable<RoiReportDto> {
    return this.http.get<RoiReportDto>(`${BASE}/roi`, { params: periodParams(query) });
  }

  /** Rebuilds the KPI store from the event log (Insights.ManageBaseline). */
  rebuild(): Observable<RebuildResultDto> {
    return this.http.post<RebuildResultDto>(`${BASE}/rebuild`, {});
  }
}
