import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Claim, ClaimStatus } from '../../core/api/expenses.models';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { ClaimDetailPage } from './claim-detail.page';
import { emptyInvoice } from './receipt-logic';

function claim(status: ClaimStatus): Claim {
  return {
    id: 'c-1', number: 'EXP-2026-000123', employeeId: 'p-1', legalEntityId: 'le-1', title: '上海出差', status,
    baseCurrency: 'CNY', totalInBase: 1306, createdAt: '2026-11-20T08:00:00Z', updatedAt: '2026-11-21T08:00:00Z', submittedAt: '2026-11-21T08:00:00Z',
    lines: [
      { id: 'l-1', position: 0, category: 'meals', amount: 106, currency: 'CNY', exchangeRate: 1, amountInBase: 106, expenseDate: '2026-11-03',
        costCentreCode: 'CC-100', description: null, receiptIds: ['r-1'], invoice: { ...emptyInvoice(), invoiceNumber: '12345678', sellerName: '某餐厅', totalAmount: 106 } },
      { id: 'l-2', position: 1, category: 'hotel', amount: 166.5, currency: 'USD', exchangeRate: 7.2072, amountInBase: 1200, expenseDate: '2026-11-04',
        costCentreCode: null, description: 'Hotel', receiptIds: [], invoice: emptyInvoice() },
    ],
    findings: [{ rule: 'CategoryLimitPerItem', severity: 'Warn', line: 1, message: 'Above the hotel limit.', justification: 'Conference hotel' }],
    timeline: [
      { type: 'Created', fromStatus: null, toStatus: 'Draft', actorId: 'p-1', actorName: '李娜', onBehalfOfId: null, at: '2026-11-20T08:00:00Z', reason: null },
      { type: 'Submitted', fromStatus: 'Draft', toStatus: 'Submitted', actorId: 'p-1', actorName: '李娜', onBehalfOfId: null, at: '2026-11-21T08:00:00Z', reason: null },
    ],
  };
}

describe('ClaimDetailPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ClaimDetailPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  async function open(status: ClaimStatus) {
    const fixture = TestBed.createComponent(ClaimDetailPage);
    fixture.componentRef.setInput('id', 'c-1');
    await fixture.whenStable();
    backend.expectOne('/api/expenses/categories').flush([{ code: 'meals', nameZh: '餐费', nameEn: 'Meals', isActive: true, allowsPersonalInvoice: false }]);
    backend.expectOne('/api/expenses/claims/c-1').flush(claim(status));
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the header, lines with invoice fields, findings with justifications and the timeline', async () => {
    const { el } = await open('Submitted');
    expect(el.querySelector('h1')?.textContent).toContain('上海出差');
    expect(el.querySelector('[data-testid=claim-number]')?.textContent).toBe('EXP-2026-000123');
    expect(el.querySelector('[data-testid=status-chip]')?.getAttribute('data-status')).toBe('Submitted');
    expect(el.querySelector('[data-testid=claim-total]')?.textContent).toContain('1,306.00 CNY');
    const lines = el.querySelectorAll('[data-testid=claim-line]');
    expect(lines.length).toBe(2);
    expect(lines[0].textContent).toContain('Meals');
    expect(lines[0].querySelector('[data-field=invoiceNumber]')?.textContent).toBe('12345678');
    expect(lines[0].querySelector('[data-field=totalAmount]')?.textContent).toBe('106.00 CNY');
    expect(lines[1].textContent).toContain('166.50 USD');
    expect(lines[1].textContent).toContain('1,200.00 CNY');
    expect(lines[1].querySelector('[data-testid=finding]')?.textContent).toContain('Above the hotel limit.');
    expect(lines[1].querySelector('[data-testid=justification-text]')?.textContent).toContain('Conference hotel');
    const entries = el.querySelectorAll('[data-testid=timeline] [data-testid=timeline-entry]');
    expect([...entries].map((e) => e.getAttribute('data-type'))).toEqual(['Created', 'Submitted']);
    expect(entries[1].textContent).toContain('李娜');
  });

  it('offers cancel (with a reason) but neither edit nor delete once submitted', async () => {
    const { fixture, el } = await open('Submitted');
    expect(el.querySelector('[data-testid=edit-claim]')).toBeNull();
    expect(el.querySelector('[data-testid=delete-claim]')).toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid=cancel-claim]')!.click();
    await fixture.whenStable();
    const confirm = el.querySelector<HTMLButtonElement>('[data-testid=confirm-cancel]')!;
    expect(confirm.disabled).toBe(true);
    const reason = el.querySelector('textarea[data-testid=cancel-reason]') as HTMLTextAreaElement;
    reason.value = 'Trip cancelled';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    confirm.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/expenses/claims/c-1/cancel' });
    expect(req.request.body).toEqual({ reason: 'Trip cancelled' });
    req.flush(claim('Cancelled'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=status-chip]')?.getAttribute('data-status')).toBe('Cancelled');
    expect(el.querySelector('[data-testid=cancel-claim]')).toBeNull();
  });

  it('lets a draft be edited, cancelled and deleted; a paid claim none of these', async () => {
    const draft = await open('Draft');
    expect(draft.el.querySelector('[data-testid=edit-claim]')?.getAttribute('href')).toBe('/expenses/claims/c-1/edit');
    expect(draft.el.querySelector('[data-testid=delete-claim]')).not.toBeNull();
    expect(draft.el.querySelector('[data-testid=cancel-claim]')).not.toBeNull();
    draft.fixture.destroy();

    const paid = await open('Paid');
    expect(paid.el.querySelector('[data-testid=edit-claim]')).toBeNull();
    expect(paid.el.querySelector('[data-testid=delete-claim]')).toBeNull();
    expect(paid.el.querySelector('[data-testid=cancel-claim]')).toBeNull();
  });
});
