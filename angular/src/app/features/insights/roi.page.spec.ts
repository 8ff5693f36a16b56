import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../../core/auth/auth.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { defaultPeriod } from './insights-logic';
import { RoiPage } from './roi.page';
import { baseline, provideFakeCharts, roiReport, survey } from './testing';

describe('RoiPage', () => {
  let backend: HttpTestingController;
  const p = defaultPeriod();

  async function render(permissions: string[], lang: 'en' | 'zh-CN' = 'en') {
    TestBed.configureTestingModule({
      imports: [RoiPage],
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations(), provideFakeCharts(),
        { provide: AuthService, useValue: { permissions: signal(permissions), currentUser: signal(null) } },
      ],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RoiPage);
    await fixture.whenStable();
    backend.expectOne('/api/insights/baselines').flush([baseline(3), baseline(2)]);
    backend.expectOne(`/api/insights/roi?from=${p.from}&to=${p.to}&baselineVersion=3`).flush(roiReport());
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  async function waitFor(url: string): Promise<TestRequest> {
    let found: TestRequest[] = [];
    for (let i = 0; i < 50 && !found.length; i++) {
      await new Promise((r) => setTimeout(r, 10));
      found = backend.match(url);
    }
    expect(found.length).toBe(1);
    return found[0];
  }

  it('names the baseline version it compares against and lists the warnings', async () => {
    const { el } = await render(['Insights.View']);
    const head = el.querySelector('[data-testid=roi-baseline-version]')!;
    expect(head.textContent).toContain('v3');
    expect(head.textContent).toContain('2025 年手工流程');
    const warnings = [...el.querySelectorAll('[data-testid=roi-warnings] li')].map((w) => w.textContent!.trim());
    expect(warnings).toEqual([
      'The net saving is not positive: there is no payback period.',
      'approverMinutesMeasured could not be measured in this period; the baseline estimate is used.',
      'Something new from the server',
    ]);
    expect(el.querySelector('[data-testid=survey-edit]')).toBeNull();
    expect(el.querySelectorAll('[data-testid=roi-soft] [data-testid=roi-soft-row]').length).toBe(2);
    expect(text(el, '[data-testid=roi-soft]')).toContain('entered by management');
    expect(el.querySelector('[data-testid=roi-trend-chart]')).not.toBeNull();
  });

  it('opens a figure’s formula and inputs, each input labelled with its origin (实测 / 估算 / 基线 / 录入)', async () => {
    const { fixture, el } = await render(['Insights.View'], 'zh-CN');
    expect(el.querySelector('[data-testid=roi-formula]')).toBeNull();
    const figure = el.querySelector('[data-testid=roi-figure][data-key=minutesPerClaim]') as HTMLElement;
    expect(figure.textContent).toContain('每单用时');
    expect(text(figure, '[data-testid=roi-before]')).toBe('45');
    expect(text(figure, '[data-testid=roi-after]')).toBe('12.5');
    figure.click();
    await fixture.whenStable();
    expect(text(el, '[data-testid=roi-formula]')).toBe('员工 + 审批人 + 财务分钟');
    const inputs = [...el.querySelectorAll('[data-testid=roi-input]')] as HTMLElement[];
    expect(inputs.map((i) => i.getAttribute('data-origin'))).toEqual(['measured', 'estimated', 'baseline']);
    expect(inputs.map((i) => text(i, '[data-testid=roi-input-origin]'))).toEqual(['实测', '估算', '基线']);
    expect(inputs[2].textContent).toContain('APQC 2023');

    (el.querySelector('[data-testid=roi-figure][data-key=roiPercent]') as HTMLElement).click();
    await fixture.whenStable();
    expect(text(el, '[data-testid=roi-figure][data-key=roiPercent] [data-testid=roi-value]')).toBe('215.4');
    expect(text(el, '[data-testid=roi-detail][data-key=roiPercent] [data-testid=roi-input-origin]')).toBe('录入');
  });

  it('shows ratios in percent and currency units with the report’s currency', async () => {
    const { fixture, el } = await render(['Insights.View'], 'zh-CN');
    const rate = el.querySelector('[data-testid=roi-figure][data-key=errorRate]') as HTMLElement;
    expect(text(rate, '[data-testid=roi-value]')).toBe('6.6');
    expect(rate.textContent).toContain('%');
    const savings = el.querySelector('[data-testid=roi-figure][data-key=annualSavings]') as HTMLElement;
    expect(text(savings, '[data-testid=roi-value]')).toBe('158,000.5');
    expect(savings.textContent).toContain('CNY/年');
    savings.click();
    await fixture.whenStable();
    expect(text(el, '[data-testid=roi-detail][data-key=annualSavings] [data-testid=roi-input-origin]')).toBe('计算');
  });

  it('links the downloads with the period, the chosen baseline and the UI language', async () => {
    const { fixture, el } = await render(['Insights.View'], 'zh-CN');
    const href = (f: string) => el.querySelector(`[data-testid=roi-export-${f}]`)!.getAttribute('href');
    expect(href('xlsx')).toBe(`/api/insights/roi/export?format=xlsx&from=${p.from}&to=${p.to}&baselineVersion=3&lang=zh-CN`);
    expect(el.querySelector('[data-testid=roi-export-pdf]')!.hasAttribute('download')).toBe(true);

    fixture.componentInstance['setVersion'](2);
    backend.expectOne(`/api/insights/roi?from=${p.from}&to=${p.to}&baselineVersion=2`).flush(roiReport({ baselineVersion: 2 }));
    await useLanguage('en');
    await fixture.whenStable();
    expect(href('pdf')).toBe(`/api/insights/roi/export?format=pdf&from=${p.from}&to=${p.to}&baselineVersion=2&lang=en`);
  });

  it('lets management edit the survey scores and PUTs every key with before and after', async () => {
    const { fixture, el } = await render(['Insights.View', 'Insights.EnterSurvey']);
    el.querySelector<HTMLButtonElement>('[data-testid=survey-edit]')!.click();
    backend.expectOne('/api/insights/survey').flush(survey());
    await fixture.whenStable();

    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(text(dialog, '[data-testid=survey-row][data-key=financeWorkload] [data-testid=survey-scale]')).toBe('scale 1–10');
    const set = (name: string, value: string) => {
      const input = dialog.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('after-employeeSatisfaction', '4.2');
    set('before-financeWorkload', '8');
    dialog.querySelector<HTMLButtonElement>('[data-testid=survey-save]')!.click();
    const put = backend.expectOne((r) => r.url === '/api/insights/survey' && r.method === 'PUT');
    expect(put.request.body).toEqual([
      { key: 'employeeSatisfaction', before: 3.1, after: 4.2 },
      { key: 'financeWorkload', before: 8, after: null },
    ]);
    put.flush(survey());
    (await waitFor(`/api/insights/roi?from=${p.from}&to=${p.to}&baselineVersion=3`)).flush(roiReport());
  });
});
