import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { ReconciliationPage } from './reconciliation.page';
import { entry } from './testing';

describe('ReconciliationPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReconciliationPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  async function render(entries = [entry(), entry({ id: 'e-2', match: 'Unmatched', candidates: [], amount: 15, details: '手续费' })]) {
    const fixture = TestBed.createComponent(ReconciliationPage);
    await fixture.whenStable();
    const req = backend.expectOne((r) => r.url === '/api/payments/reconciliation');
    expect(req.request.params.get('match')).toBe('Unmatched,Ambiguous,ProbableReturn,ReturnProposed');
    req.flush(entries);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('resolves an ambiguous entry to the picked candidate and reloads the queue', async () => {
    const { fixture, el } = await render();
    const entries = el.querySelectorAll('[data-testid=recon-entry]');
    expect([...entries].map((e) => e.getAttribute('data-match'))).toEqual(['Ambiguous', 'Unmatched']);
    const first = entries[0] as HTMLElement;
    const resolve = first.querySelector('[data-testid=recon-resolve]') as HTMLButtonElement;
    expect(resolve.disabled).toBe(true);

    (first.querySelector('[data-testid=recon-candidate][data-batch-line-id=l-9] input') as HTMLInputElement).click();
    await fixture.whenStable();
    expect(resolve.disabled).toBe(false);
    resolve.click();
    const req = backend.expectOne('/api/payments/reconciliation/e-1/resolve');
    expect(req.request.body).toEqual({ batchLineId: 'l-9' });
    req.flush({ ...entry(), match: 'Matched', batchLineId: 'l-9' });
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/payments/reconciliation').flush([entry({ id: 'e-2', match: 'Unmatched', candidates: [] })]);
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid=recon-entry]').length).toBe(1);
  });

  it('ignores an entry only with a note', async () => {
    const { fixture, el } = await render();
    const second = el.querySelectorAll('[data-testid=recon-entry]')[1] as HTMLElement;
    (second.querySelector('[data-testid=recon-ignore] input') as HTMLInputElement).click();
    await fixture.whenStable();
    const resolve = second.querySelector('[data-testid=recon-resolve]') as HTMLButtonElement;
    expect(resolve.disabled).toBe(true);
    const note = second.querySelector('textarea[data-testid=recon-note]') as HTMLTextAreaElement;
    note.value = '银行手续费';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(resolve.disabled).toBe(false);
    resolve.click();
    expect(backend.expectOne('/api/payments/reconciliation/e-2/resolve').request.body).toEqual({ ignore: true, note: '银行手续费' });
  });

  it('lets a second finance user confirm a proposed reopening, and shows the server refusal to the one who proposed it', async () => {
    const proposed = entry({ id: 'e-3', match: 'ReturnProposed', isCredit: true, batchLineId: 'l-9', proposedByName: '张会计', proposedAt: '2026-11-25T09:30:00Z' });
    const { fixture, el } = await render([proposed]);
    const section = el.querySelector('[data-testid=recon-entry]') as HTMLElement;
    expect(section.querySelector('[data-testid=recon-proposal]')!.textContent).toContain('张会计');

    (section.querySelector('[data-testid=recon-confirm]') as HTMLButtonElement).click();
    backend.expectOne('/api/payments/reconciliation/e-3/confirm-return').flush(
      { code: 'Payments.ReturnNeedsSecondUser', detail: 'The person who proposed reopening this payment cannot confirm it.' },
      { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(section.querySelector('[data-testid=form-error]')!.textContent).toContain('cannot confirm');
  });

  it('labels the action on a credit as a proposal', async () => {
    const credit = entry({ id: 'e-4', match: 'ProbableReturn', isCredit: true });
    const { el } = await render([credit]);
    expect(el.querySelector('[data-testid=recon-resolve]')!.textContent).toContain('Propose reopening');
  });
});
