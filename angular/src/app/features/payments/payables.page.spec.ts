import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { PayablesPage } from './payables.page';
import { batch, payable } from './testing';

describe('PayablesPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    TestBed.configureTestingModule({
      imports: [PayablesPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => vi.useRealTimers());

  async function render() {
    const fixture = TestBed.createComponent(PayablesPage);
    await fixture.whenStable();
    backend.expectOne('/api/organization/legal-entities').flush([{ id: 'le-1', name: '示例科技有限公司', taxId: 'x' }]);
    const req = backend.expectOne((r) => r.url === '/api/payments/payables');
    expect(req.request.params.keys()).toEqual([]);
    req.flush([payable(1), payable(2), payable(3, { status: 'Held', holdReason: 'InvalidCnaps' })]);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists payables with their claim number, status and hold reason', async () => {
    const { el } = await render();
    const rows = [...el.querySelectorAll('[data-testid=payables-table] tr[data-testid=payable-row]')];
    expect(rows.map((r) => [r.getAttribute('data-claim-number'), r.getAttribute('data-status')])).toEqual([
      ['EXP-2026-001', 'Open'], ['EXP-2026-002', 'Open'], ['EXP-2026-003', 'Held'],
    ]);
    expect(rows[0].textContent).toContain('示例科技有限公司');
    expect(rows[0].textContent).toContain('100.50 CNY');
    expect(rows[2].querySelector('[data-testid=hold-reason]')?.getAttribute('data-reason')).toBe('InvalidCnaps');
    expect(rows[2].querySelector('[data-testid=payable-select]')).toBeNull();
    expect(el.querySelector('[data-testid=build-hint]')?.getAttribute('data-reason')).toBe('needsLegalEntity');
    expect((el.querySelector('[data-testid=build-batch]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('refreshes a held payable\'s account and shows it open', async () => {
    const { fixture, el } = await render();
    (el.querySelector('[data-testid=refresh-account]') as HTMLButtonElement).click();
    const req = backend.expectOne('/api/payments/payables/pay-3/refresh-account');
    expect(req.request.method).toBe('POST');
    req.flush(payable(3));
    await fixture.whenStable();
    expect(el.querySelectorAll('tr[data-testid=payable-row][data-status=Open]').length).toBe(3);
  });

  it('builds a batch from the selected payables and opens it', async () => {
    const { fixture, el } = await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (el.querySelector('tr[data-claim-number="EXP-2026-002"] [data-testid=payable-select] input') as HTMLInputElement).click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=build-summary]')?.getAttribute('data-count')).toBe('1');
    expect(text(el, '[data-testid=build-summary]')).toContain('200.50 CNY');

    (el.querySelector('[data-testid=build-batch]') as HTMLButtonElement).click();
    const req = backend.expectOne('/api/payments/batches');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ legalEntityId: 'le-1', currency: 'CNY', payableIds: ['pay-2'], executionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    req.flush(batch({ id: 'b-7' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/payments/batches', 'b-7']);
  });

  it('explains when another user batched the payables first, and reloads', async () => {
    const { fixture, el } = await render();
    (el.querySelector('[data-testid=payable-select] input') as HTMLInputElement).click();
    await fixture.whenStable();
    (el.querySelector('[data-testid=build-batch]') as HTMLButtonElement).click();
    backend.expectOne('/api/payments/batches').flush(
      { code: 'Payments.PayableTaken', title: 'Conflict', detail: 'A selected claim is already in another active batch.' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(text(el, '[data-testid=form-error]')).toBe('A selected claim is already in another active batch.');
    backend.expectOne((r) => r.url === '/api/payments/payables').flush([payable(2)]);
    await fixture.whenStable();
    expect(el.querySelectorAll('tr[data-testid=payable-row]').length).toBe(1);
  });
});
