import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { Period } from './insights-logic';
import { PeriodReport } from './period-report';

describe('PeriodReport', () => {
  /** A report whose every call is a Subject the test answers, made in an injector the test can destroy. */
  async function report(keepOnError = true) {
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
    await useLanguage('en');
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    const calls: { period: Period; answer: Subject<string> }[] = [];
    const r = injector.runInContext(
      () =>
        new PeriodReport<string>((period) => {
          const answer = new Subject<string>();
          calls.push({ period, answer });
          return answer;
        }, keepOnError),
    );
    return { r, calls, injector };
  }

  it('keeps the answer for the period on screen, not a slower one for the period before', async () => {
    const { r, calls } = await report();
    r.setPeriod({ from: '2026-01', to: '2026-06' });
    r.setPeriod({ from: '2026-07', to: '2026-12' });
    expect(r.busy()).toBe(true);
    calls[1].answer.next('second half');
    calls[0].answer.next('first half');
    expect(calls.map((c) => c.period.from)).toEqual(['2026-01', '2026-07']);
    expect(r.data()).toBe('second half');
    expect(r.busy()).toBe(false);
  });

  it('refuses a period that ends before it starts without calling the server', async () => {
    const { r, calls } = await report();
    r.setPeriod({ from: '2026-08', to: '2026-02' });
    expect(calls).toEqual([]);
    expect(r.error()).toBe('Choose a from month that is not after the to month.');
  });

  it("shows the server's message; keeps the last figures or clears them as the page asks", async () => {
    for (const keep of [true, false]) {
      TestBed.resetTestingModule();
      const { r, calls } = await report(keep);
      r.load();
      calls[0].answer.next('figures');
      r.load();
      calls[1].answer.error(new ApiError(500, 'The event log is being rebuilt.', 'Insights.Rebuilding'));
      expect(r.error()).toBe('The event log is being rebuilt.');
      expect(r.busy()).toBe(false);
      expect(r.data()).toBe(keep ? 'figures' : null);
      // A new load clears the message.
      r.load();
      expect(r.error()).toBeNull();
    }
  });

  it('drops the call in flight when the page goes', async () => {
    const { r, calls, injector } = await report();
    r.load();
    injector.destroy();
    expect(calls[0].answer.observed).toBe(false);
    expect(r.data()).toBeNull();
  });
});
