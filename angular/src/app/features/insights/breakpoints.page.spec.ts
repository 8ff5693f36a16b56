import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { BreakpointsPage } from './breakpoints.page';
import { defaultPeriod } from './insights-logic';
import { breakpoints, provideFakeCharts } from './testing';

describe('BreakpointsPage', () => {
  let backend: HttpTestingController;

  async function render(lang: 'en' | 'zh-CN') {
    TestBed.configureTestingModule({
      imports: [BreakpointsPage],
      providers: [provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations(), provideFakeCharts()],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(BreakpointsPage);
    await fixture.whenStable();
    const p = defaultPeriod();
    backend.expectOne(`/api/insights/breakpoints?from=${p.from}&to=${p.to}`).flush(breakpoints());
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists the nodes by median wait, longest first, and re-sorts on a header click', async () => {
    const { fixture, el } = await render('en');
    const steps = () => [...el.querySelectorAll('[data-testid=breakpoint-node-row]')].map((r) => r.getAttribute('data-step'));
    expect(steps()).toEqual(['director', 'manager', 'vp', 'finance']);
    expect(el.querySelector('[data-testid=breakpoint-node-row]')!.textContent).toContain('30.5');
    el.querySelector<HTMLButtonElement>('[data-testid=sort-median]')!.click();
    await fixture.whenStable();
    expect(steps()).toEqual(['vp', 'manager', 'director', 'finance']);
    expect(el.querySelector('[data-testid=node-waits-chart]')).not.toBeNull();
  });

  it('shows suggestions with their action, evidence and reason in Chinese, and today’s queues', async () => {
    const { el } = await render('zh-CN');
    const s = el.querySelector('[data-testid=suggestion]') as HTMLElement;
    expect(s.getAttribute('data-action')).toBe('notify-only');
    expect(text(s, '[data-testid=suggestion-action]')).toBe('建议改为抄送');
    expect(text(s, '[data-testid=suggestion-reason]')).toBe('50 个任务从未拒绝');
    expect(s.textContent).toContain('127.1');
    expect(s.textContent).toContain('0 / 50');
    const q = el.querySelector('[data-testid=queue-row]') as HTMLElement;
    expect(q.textContent).toContain('王芳');
    expect(q.textContent).toContain('50.3');
    expect(q.getAttribute('data-overdue')).toBe('1');
  });

  it('shows the English reason and the remove label in English', async () => {
    TestBed.resetTestingModule();
    const { el } = await render('en');
    expect(text(el, '[data-testid=suggestion-reason]')).toBe('Never rejected in 50 tasks');
    expect(text(el, '[data-testid=suggestion-action]')).toBe('Suggest notify only (CC)');
  });

  it('asks again for a period picked on the page, and refuses one that ends before it starts', async () => {
    const { fixture, el } = await render('en');
    const pick = (name: 'from' | 'to', value: string) => {
      const input = el.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
      input.value = value;
      input.dispatchEvent(new Event('change'));
    };
    pick('from', '2025-01');
    await fixture.whenStable();
    backend.expectOne(`/api/insights/breakpoints?from=2025-01&to=${defaultPeriod().to}`).flush(breakpoints());
    await fixture.whenStable();
    expect(text(el, '[data-testid=form-error]')).toBe('');

    pick('from', '2099-01');
    await fixture.whenStable();
    backend.expectNone((r) => r.url === '/api/insights/breakpoints');
    expect(text(el, '[data-testid=form-error]')).toBe('Choose a from month that is not after the to month.');
  });
});
