import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../../core/auth/auth.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { BaselinesPage } from './baselines.page';
import { DEFAULT_FIGURES, baseline } from './testing';

const ADMIN = ['Insights.View', 'Insights.EnterSurvey', 'Insights.ManageBaseline'];

describe('BaselinesPage', () => {
  let backend: HttpTestingController;

  async function render(permissions: string[], versions = [baseline(3), baseline(2)], lang: 'en' | 'zh-CN' = 'zh-CN') {
    TestBed.configureTestingModule({
      imports: [BaselinesPage],
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations(),
        { provide: AuthService, useValue: { permissions: signal(permissions), currentUser: signal(null) } },
      ],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(BaselinesPage);
    await fixture.whenStable();
    backend.expectOne('/api/insights/baselines').flush(versions);
    if (versions.length) backend.expectOne(`/api/insights/baselines/${versions[0].version}`).flush(versions[0]);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('lists the versions and shows each figure of the chosen one with its kind and source, read-only for management', async () => {
    const { fixture, el } = await render(['Insights.View', 'Insights.EnterSurvey']);
    const rows = [...el.querySelectorAll('[data-testid=baseline-row]')];
    expect(rows.map((r) => r.getAttribute('data-version'))).toEqual(['3', '2']);
    expect(rows[0].textContent).toContain('录入');
    const figures = [...el.querySelectorAll('[data-testid=baseline-figure]')] as HTMLElement[];
    expect(figures.map((f) => `${f.getAttribute('data-key')}:${f.getAttribute('data-kind')}`)).toEqual([
      'claimsPerMonth:entered', 'employeeMinutes:default', 'fixMinutes:assumption',
    ]);
    expect(figures[1].textContent).toContain('公开默认值');
    expect(figures[1].textContent).toContain('APQC 2023 benchmark');
    expect(figures[2].textContent).toContain('假设');
    expect(figures[0].textContent).toContain('每月报销单数');
    expect(el.querySelector('[data-testid=baseline-new]')).toBeNull();
    expect(el.querySelector('[data-testid=history-file]')).toBeNull();

    (rows[1] as HTMLElement).click();
    backend.expectOne('/api/insights/baselines/2').flush(baseline(2, { name: '旧版' }));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=baseline-view]')!.getAttribute('data-version')).toBe('2');
  });

  it('starts the first version from the published defaults and saves an edited default as entered', async () => {
    const { fixture, el } = await render(ADMIN, [], 'en');
    expect(el.querySelector('[data-testid=baselines-empty]')).not.toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid=baseline-new]')!.click();
    backend.expectOne('/api/insights/baselines/defaults').flush(DEFAULT_FIGURES);
    await fixture.whenStable();

    const editor = el.querySelector('[data-testid=baseline-editor]') as HTMLElement;
    const row = (key: string) => editor.querySelector(`[data-testid=editor-figure][data-key=${key}]`) as HTMLElement;
    expect(row('employeeMinutes').getAttribute('data-kind')).toBe('default');
    type(editor, 'input[name=baselineName]', 'Our 2025 process');
    type(editor, 'input[name=value-employeeMinutes]', '25');
    await fixture.whenStable();
    expect(row('employeeMinutes').getAttribute('data-kind')).toBe('entered');
    expect(text(row('employeeMinutes'), '[data-testid=editor-kind]')).toBe('Entered');
    type(editor, 'input[name=source-employeeMinutes]', '2025 time study');
    type(editor, 'input[name=value-hourlyCostEmployee]', '95');
    await fixture.whenStable();
    row('hourlyCostEmployee').querySelector<HTMLInputElement>('[data-testid=keep-source] input')!.click();
    await fixture.whenStable();
    expect(row('hourlyCostEmployee').getAttribute('data-kind')).toBe('default');

    editor.querySelector<HTMLButtonElement>('[data-testid=baseline-save]')!.click();
    const post = backend.expectOne((r) => r.url === '/api/insights/baselines' && r.method === 'POST');
    expect(post.request.body).toEqual({
      name: 'Our 2025 process',
      currency: 'CNY',
      note: null,
      figures: [
        { key: 'claimsPerMonth', value: 100, kind: 'assumption', source: null },
        { key: 'employeeMinutes', value: 25, kind: 'entered', source: '2025 time study' },
        { key: 'hourlyCostEmployee', value: 95, kind: 'default', source: '国家统计局 2024' },
      ],
    });
    const saved = baseline(1, { figures: post.request.body.figures });
    post.flush(saved, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/insights/baselines' && r.method === 'GET').flush([saved]);
    backend.expectOne('/api/insights/baselines/1').flush(saved);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=baseline-editor]')).toBeNull();
    expect(el.querySelectorAll('[data-testid=baseline-row]').length).toBe(1);
  });

  it('pre-fills a new version from the latest one without asking for the defaults', async () => {
    const { fixture, el } = await render(ADMIN);
    el.querySelector<HTMLButtonElement>('[data-testid=baseline-new]')!.click();
    await fixture.whenStable();
    backend.expectNone('/api/insights/baselines/defaults');
    const keys = [...el.querySelectorAll('[data-testid=editor-figure]')].map((r) => r.getAttribute('data-key'));
    expect(keys).toEqual(['claimsPerMonth', 'employeeMinutes', 'fixMinutes']);
  });

  it('uploads history as multipart and shows the summary with its warnings and measured figures', async () => {
    const { fixture, el } = await render(ADMIN);
    const upload = el.querySelector<HTMLButtonElement>('[data-testid=history-upload]')!;
    expect(upload.disabled).toBe(true);

    const input = el.querySelector('input[data-testid=history-file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['claimNumber,submittedAt\n'], 'claims-2025.csv', { type: 'text/csv' })], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect((el.querySelector('input[name=historyName]') as HTMLInputElement).value).toBe('claims-2025');
    type(el, 'input[name=historyCurrency]', 'cny');
    await fixture.whenStable();
    upload.click();

    const req = backend.expectOne('/api/insights/baselines/import-history');
    const form = req.request.body as FormData;
    expect((form.get('file') as File).name).toBe('claims-2025.csv');
    expect(form.get('name')).toBe('claims-2025');
    expect(form.get('currency')).toBe('CNY');
    const measured = baseline(4, {
      method: 'measured',
      figures: [
        { key: 'cycleDays', value: 9.5, unit: 'days', kind: 'measured', source: 'claims-2025.csv' },
        { key: 'errorRate', value: 0.18, unit: 'ratio', kind: 'measured', source: 'claims-2025.csv' },
        { key: 'employeeMinutes', value: 20, unit: 'minutes', kind: 'default', source: 'APQC' },
      ],
      history: { fileName: 'claims-2025.csv', sha256: 'f'.repeat(64), rows: 1200, skipped: 3, from: '2025-01', to: '2025-12', warnings: ['3 rows without paidAt were skipped'] },
    });
    req.flush(measured, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    const summary = el.querySelector('[data-testid=history-summary]') as HTMLElement;
    expect(summary.getAttribute('data-rows')).toBe('1200');
    expect(text(summary, '[data-testid=history-skipped]')).toBe('3');
    expect(text(summary, '[data-testid=history-period]')).toBe('2025-01 – 2025-12');
    expect(text(summary, '[data-testid=history-warnings]')).toContain('3 rows without paidAt were skipped');
    expect([...summary.querySelectorAll('[data-testid=history-figure]')].map((f) => f.getAttribute('data-key'))).toEqual(['cycleDays', 'errorRate']);
    backend.expectOne((r) => r.url === '/api/insights/baselines' && r.method === 'GET').flush([measured, baseline(3)]);
    backend.expectOne('/api/insights/baselines/4').flush(measured);
  });
});
