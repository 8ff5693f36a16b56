import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ClaimReviewDto } from './data/approvals.models';
import { Claim } from '../expenses/data/expenses.models';
import { AuthService } from '../../core/auth/auth.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, useLanguage, user } from '../../../testing/test-helpers';
import { receipt } from '../expenses/testing';
import { emptyInvoice } from '../expenses/receipt-logic';
import { fieldOrigin, unreadNotifications } from './review-logic';
import { ReviewPage } from './review.page';
import { approval } from './testing';

const claim: Claim = {
  id: 'c-1', number: 'EXP-2026-000123', employeeId: 'p-9', legalEntityId: 'le-1', title: '上海出差', status: 'InApproval',
  baseCurrency: 'CNY', totalInBase: 1306, createdAt: '2026-11-20T08:00:00Z', updatedAt: '2026-11-21T08:00:00Z', submittedAt: '2026-11-21T08:00:00Z',
  lines: [
    { id: 'l-1', position: 0, category: 'meals', amount: 106, currency: 'CNY', exchangeRate: 1, amountInBase: 106, expenseDate: '2026-11-03',
      costCentreCode: 'CC-100', description: null, receiptIds: ['r-1'], invoice: { ...emptyInvoice(), invoiceNumber: '12345678', sellerName: '某餐厅', totalAmount: 106 } },
    { id: 'l-2', position: 1, category: 'hotel', amount: 1200, currency: 'CNY', exchangeRate: 1, amountInBase: 1200, expenseDate: '2026-11-04',
      costCentreCode: null, description: 'Hotel', receiptIds: ['r-2'], invoice: emptyInvoice() },
  ],
  findings: [{ rule: 'CategoryLimitPerItem', severity: 'Warn', line: 1, message: 'Above the hotel limit.', justification: 'Conference hotel' }],
  timeline: [],
};

function review(overrides: Partial<ClaimReviewDto> = {}): ClaimReviewDto {
  return {
    claim,
    receipts: [receipt({ id: 'r-1', claimId: 'c-1' }), receipt({ id: 'r-2', fileName: 'hotel.pdf', contentType: 'application/pdf', recognition: null, claimId: 'c-1' })],
    approval: approval(),
    myTaskId: 't-1',
    canDecide: true,
    ...overrides,
  };
}

describe('review logic', () => {
  it('finds where a recognised field came from, with its confidence in percent', () => {
    const receipts = [receipt({ id: 'r-1' })];
    expect(fieldOrigin({ receiptIds: ['r-1'] }, receipts, 'invoiceNumber')).toEqual({ source: 'qr', confidence: 99 });
    expect(fieldOrigin({ receiptIds: ['r-1'] }, receipts, 'buyerTaxId')).toEqual({ source: null, confidence: 50 });
    expect(fieldOrigin({ receiptIds: ['r-1'] }, receipts, 'checkCode')).toBeNull();
    expect(fieldOrigin({ receiptIds: [] }, receipts, 'invoiceNumber')).toBeNull();
  });

  it('lists my unread notify-only tasks', () => {
    const a = approval();
    a.steps[3].tasks = [{ ...a.steps[1].tasks[0], id: 't-9', assigneeId: 'p-1', status: 'Unread', note: null }];
    expect(unreadNotifications(a, 'p-1')).toEqual(['t-9']);
    expect(unreadNotifications(a, 'p-5')).toEqual([]);
  });
});

describe('ReviewPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReviewPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: signal(user(['Approvals.Decide'])), permissions: () => ['Approvals.Decide'] } },
      ],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  async function open(dto: ClaimReviewDto = review()) {
    const fixture = TestBed.createComponent(ReviewPage);
    fixture.componentRef.setInput('claimId', 'c-1');
    await fixture.whenStable();
    backend.expectOne('/api/expenses/categories').flush([{ code: 'meals', nameZh: '餐费', nameEn: 'Meals', isActive: true, allowsPersonalInvoice: false }]);
    backend.expectOne('/api/approvals/claims/c-1').flush(dto);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the claim, recognised field sources, findings with justifications, receipts and the progress', async () => {
    const { el } = await open();
    expect(el.querySelector('[data-testid=review-claim-number]')?.textContent).toBe('EXP-2026-000123');
    expect(el.querySelector('[data-testid=review-submitter]')?.textContent).toBe('王芳');
    expect(el.querySelector('[data-testid=review-total]')?.textContent).toContain('1,306.00 CNY');
    const lines = el.querySelectorAll('[data-testid=review-line]');
    expect(lines[0].textContent).toContain('Meals');
    expect(lines[0].querySelector('[data-field=invoiceNumber]')?.textContent).toBe('12345678');
    expect(lines[0].querySelector('[data-testid=field-origin]')?.textContent).toContain('From QR code');
    expect(lines[0].querySelector('[data-testid=field-origin]')?.textContent).toContain('99%');
    expect(lines[1].querySelector('[data-testid=justification-text]')?.textContent).toContain('Conference hotel');

    const receipts = el.querySelectorAll('[data-testid=review-receipt]');
    expect(receipts[0].querySelector('img')?.getAttribute('src')).toBe('/api/approvals/claims/c-1/receipts/r-1/content');
    expect(receipts[1].querySelector('img')).toBeNull();
    expect(receipts[1].querySelector('[data-testid=receipt-link]')?.getAttribute('href')).toBe('/api/approvals/claims/c-1/receipts/r-2/content');

    const steps = [...el.querySelectorAll('[data-testid=approval-step]')];
    expect(steps.map((s) => s.getAttribute('data-status'))).toEqual(['Approved', 'Active', 'Skipped', 'Pending']);
    expect(steps[0].textContent).toContain('Sequential');
    expect(steps[1].textContent).toContain('All must approve');
    expect(steps[0].querySelector('[data-testid=task-on-behalf]')?.textContent).toContain('赵敏 on behalf of 张伟');
    expect(steps[0].querySelector('[data-testid=task-comment]')?.textContent).toContain('OK');
    expect([...steps[1].querySelectorAll('[data-testid=task-note]')].map((n) => n.textContent?.trim())).toEqual([
      'Fallback approver', 'Skipped: already approved earlier (dedupe)',
    ]);
    expect(steps[2].querySelector('[data-testid=step-note]')?.textContent).toContain('Condition not met');
  });

  it("shows a ticket line's trip, so the approver checks the 差标 without opening the photo", async () => {
    const hotel = { ...claim.lines[1], ticket: { kind: 'hotel-folio' as const, travelDate: null, travel: { nights: 2, nightlyRate: 458, checkIn: '2026-11-04', checkOut: '2026-11-06', room: '1208' } } };
    const { el } = await open(review({ claim: { ...claim, lines: [claim.lines[0], hotel] } }));
    const lines = el.querySelectorAll('[data-testid=review-line]');
    expect(lines[0].querySelector('[data-testid=line-travel]')).toBeNull();
    const trip = lines[1].querySelector('[data-testid=line-travel]')!;
    expect(trip.textContent).toContain('2026-11-04 → 2026-11-06');
    expect(trip.textContent).toContain('458.00');
    expect(trip.querySelector('mat-icon')?.textContent).toBe('hotel');
  });

  it('asks for a comment before returning or rejecting, without calling the server', async () => {
    const { fixture, el } = await open();
    el.querySelector<HTMLButtonElement>('[data-testid=decision-return]')!.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=decision-comment-required]')?.textContent).toContain('Say why');
    el.querySelector<HTMLButtonElement>('[data-testid=decision-reject]')!.click();
    backend.expectNone((r) => r.url.includes('/decision'));
  });

  it('returns with the comment, then says so and goes back to the inbox', async () => {
    const { fixture, el } = await open();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const comment = el.querySelector('textarea[data-testid=decision-comment]') as HTMLTextAreaElement;
    comment.value = ' Missing the hotel invoice ';
    comment.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=decision-return]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/approvals/tasks/t-1/decision' });
    expect(req.request.body).toEqual({ decision: 'return', comment: 'Missing the hotel invoice' });
    req.flush(approval({ status: 'Returned' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/approvals/inbox']);
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain('Returned to the submitter.');
  });

  it('explains a conflict when someone else decided first, and reloads on request', async () => {
    const { fixture, el } = await open();
    el.querySelector<HTMLButtonElement>('[data-testid=decision-approve]')!.click();
    backend.expectOne({ method: 'POST', url: '/api/approvals/tasks/t-1/decision' }).flush(
      { title: 'Conflict', detail: 'This task has already been decided or closed; refresh to see its state.', code: 'Approvals.TaskClosed', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    const conflict = el.querySelector('[data-testid=decision-conflict]');
    expect(conflict?.textContent).toContain('Someone else has already decided this task');
    expect(el.querySelector('[data-testid=decision-approve]')).toBeNull();

    el.querySelector<HTMLButtonElement>('[data-testid=decision-reload]')!.click();
    backend.expectOne('/api/approvals/claims/c-1').flush(review({ canDecide: false, myTaskId: null }));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=decision-panel]')).toBeNull();
  });

  it('shows no decision panel when there is nothing for me to decide, and marks my notification read', async () => {
    const a = approval();
    a.steps[3].tasks = [{ ...a.steps[1].tasks[0], id: 't-9', assigneeId: 'p-1', status: 'Unread', note: null }];
    const { el } = await open(review({ canDecide: false, myTaskId: null, approval: a }));
    expect(el.querySelector('[data-testid=decision-panel]')).toBeNull();
    backend.expectOne({ method: 'POST', url: '/api/approvals/tasks/t-9/read' }).flush(null, { status: 204, statusText: 'No Content' });
  });
});
