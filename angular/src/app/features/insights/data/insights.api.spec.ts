import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { InsightsApi } from './insights.api';

describe('InsightsApi', () => {
  let api: InsightsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(InsightsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('asks for the KPIs of a period by month unless another breakdown is chosen', () => {
    api.kpis({ from: '2025-12', to: '2026-11' }).subscribe();
    api.kpis({ from: '2025-12', to: '2026-11', by: 'legalEntity' }).subscribe();
    backend.expectOne('/api/insights/kpis?from=2025-12&to=2026-11&by=month').flush({});
    backend.expectOne('/api/insights/kpis?from=2025-12&to=2026-11&by=legalEntity').flush({});
  });

  it('reads breakpoints, baselines, one version and the defaults at their addresses', () => {
    api.breakpoints('2026-01', '2026-02').subscribe();
    api.baselines().subscribe();
    api.baseline(4).subscribe();
    api.baselineDefaults().subscribe();
    api.roi({ from: '2026-01', to: '2026-02', baselineVersion: 2 }).subscribe();
    backend.expectOne('/api/insights/breakpoints?from=2026-01&to=2026-02').flush({});
    backend.expectOne('/api/insights/baselines').flush([]);
    backend.expectOne('/api/insights/baselines/4').flush({});
    backend.expectOne('/api/insights/baselines/defaults').flush([]);
    backend.expectOne('/api/insights/roi?from=2026-01&to=2026-02&baselineVersion=2').flush({});
  });

  it('posts the history as multipart with file, name and the upper-cased currency', async () => {
    const done = firstValueFrom(api.importHistory(new File(['claimNumber\n'], 'history.csv', { type: 'text/csv' }), '2025 history', ' cny'));
    const req = backend.expectOne('/api/insights/baselines/import-history');
    expect(req.request.method).toBe('POST');
    const form = req.request.body as FormData;
    expect((form.get('file') as File).name).toBe('history.csv');
    expect(form.get('name')).toBe('2025 history');
    expect(form.get('currency')).toBe('CNY');
    req.flush({ version: 5 }, { status: 201, statusText: 'Created' });
    expect((await done).version).toBe(5);
  });

  it('leaves the currency out of the history upload when none is given', () => {
    api.importHistory(new File(['x'], 'h.csv'), 'n').subscribe();
    const form = backend.expectOne('/api/insights/baselines/import-history').request.body as FormData;
    expect(form.has('currency')).toBe(false);
  });

  it('saves survey scores with PUT, baselines and the rebuild with POST', () => {
    api.saveSurvey([{ key: 'a', before: 1, after: 4 }]).subscribe();
    api.saveBaseline({ name: 'v', figures: [] }).subscribe();
    api.rebuild().subscribe();
    const put = backend.expectOne('/api/insights/survey');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual([{ key: 'a', before: 1, after: 4 }]);
    put.flush([]);
    expect(backend.expectOne('/api/insights/baselines').request.method).toBe('POST');
    expect(backend.expectOne('/api/insights/rebuild').request.method).toBe('POST');
  });
});
