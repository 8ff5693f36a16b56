import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../../core/auth/auth.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { DashboardPage } from './dashboard.page';
import { defaultPeriod } from './insights-logic';
import { drawnCharts, kpiReport, provideFakeCharts } from './testing';

describe('DashboardPage', () => {
  let backend: HttpTestingController;
  const period = defaultPeriod();

  async function render(permissions: string[], lang: 'en' | 'zh-CN' = 'en') {
    TestBed.configureTestingModule({
      imports: [DashboardPage],
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations(), provideFakeCharts(),
        { provide: AuthService, useValue: { permissions: signal(permissions), currentUser: signal(null) } },
      ],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const kpis = (by: string): TestRequest =>
    backend.expectOne((r) => r.url === '/api/insights/kpis' && r.params.get('by') === by && r.params.get('from') === period.from && r.params.get('to') === period.to);

  it('shows every KPI card, ratios with their numerator and denominator, and cycle times in days', async () => {
    const { fixture, el } = await render(['Insights.View']);
    kpis('month').flush(kpiReport());
    await fixture.whenStable();

    const cards = [...el.querySelectorAll('[data-testid=kpi-card]')];
    expect(cards.map((c) => c.getAttribute('data-kpi'))).toEqual([
      'claimsSubmitted', 'claimsPaid', 'cycleMedian', 'cycleP90', 'firstPassYield', 'errorRate', 'fieldCorrectionRate', 'touchlessRate', 'slaBreaches',
    ]);
    const error = el.querySelector('[data-testid=kpi-card][data-kpi=errorRate]') as HTMLElement;
    expect(text(error, '[data-testid=kpi-value]')).toBe('12.4%');
    const parts = error.querySelector('[data-testid=kpi-ratio]')!;
    expect(parts.getAttribute('data-numerator')).toBe('12');
    expect(parts.getAttribute('data-denominator')).toBe('97');
    expect(parts.textContent).toContain('12 / 97');
    expect(text(el, '[data-testid=kpi-card][data-kpi=cycleMedian] [data-testid=kpi-value]')).toBe('4.6 days');
    expect(el.querySelector('[data-testid=kpi-card][data-kpi=claimsPaid] [data-testid=kpi-ratio]')).toBeNull();
    expect(el.querySelectorAll('[data-testid=kpi-group-row]').length).toBe(2);
    expect(text(el, '[data-testid=kpi-freshness]')).toContain('1234 events processed');
    expect(el.querySelector('[data-testid=rebuild]')).toBeNull();
  });

  it('labels each active-minutes value measured or estimated with its basis (实测 / 估算)', async () => {
    const { fixture, el } = await render(['Insights.View'], 'zh-CN');
    kpis('month').flush(kpiReport());
    await fixture.whenStable();
    const rows = [...el.querySelectorAll('[data-testid=active-minutes-row]')] as HTMLElement[];
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['measured', 'estimated']);
    expect(text(rows[0], '[data-testid=minutes-kind]')).toBe('实测');
    expect(text(rows[1], '[data-testid=minutes-kind]')).toBe('估算');
    expect(rows[0].textContent).toContain('员工');
    expect(rows[0].textContent).toContain('首次上传到提交');
    expect(rows[0].textContent).toContain('6.3');
  });

  it('draws the trend charts from the month breakdown even when another breakdown is chosen', async () => {
    const { fixture, el } = await render(['Insights.View']);
    kpis('month').flush(kpiReport());
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=kpi-trend-chart]')).not.toBeNull();

    fixture.componentInstance['setBy']('department');
    const dept = kpiReport({ by: 'department', groups: [{ key: 'FIN', name: '财务部', values: kpiReport().total }] });
    kpis('month').flush(kpiReport());
    kpis('department').flush(dept);
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r, 0));
    const rows = [...el.querySelectorAll('[data-testid=kpi-group-row]')];
    expect(rows.map((r) => r.getAttribute('data-key'))).toEqual(['FIN']);
    const trend = drawnCharts.filter((c) => c.el.getAttribute('data-testid') === 'kpi-trend-chart').at(-1)!.options as { xAxis: { data: string[] } };
    expect(trend.xAxis.data).toEqual(['2026-10', '2026-11']);
  });

  it('lets an administrator rebuild from the event log after confirming, then shows the result and reloads', async () => {
    const { fixture, el } = await render(['Insights.View', 'Insights.ManageBaseline']);
    kpis('month').flush(kpiReport());
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=rebuild]')!.click();
    await fixture.whenStable();
    document.querySelector<HTMLButtonElement>('mat-dialog-container [data-testid=confirm-yes]')!.click();
    // the dialog reports its answer once its closing animation has ended
    let found: TestRequest[] = [];
    for (let i = 0; i < 50 && !found.length; i++) {
      await new Promise((r) => setTimeout(r, 10));
      found = backend.match('/api/insights/rebuild');
    }
    expect(found.length).toBe(1);
    const req = found[0];
    expect(req.request.method).toBe('POST');
    req.flush({ events: 5000, claims: 420, elapsedMs: 812 });
    await fixture.whenStable();
    kpis('month').flush(kpiReport());
    await fixture.whenStable();
    expect(text(el, '[data-testid=rebuild-result]')).toContain('Rebuilt from 5000 events: 420 claims in 812 ms.');
  });

  it('shows the server’s message when the KPIs cannot be read', async () => {
    const { fixture, el } = await render(['Insights.View']);
    kpis('month').flush({ code: 'Insights.InvalidPeriod', detail: 'The period may span at most 36 months.' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(text(el, '[data-testid=form-error]')).toBe('The period may span at most 36 months.');
  });
});
