import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApprovalDto } from '../approvals/data/approvals.models';
import { Claim, ClaimStatus } from './data/expenses.models';
import { NotifyService } from '../../shared/notify.service';
import { approval } from '../approvals/testing';
import { APPROVAL_RETRY_DELAYS } from './claim-approval';
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
      providers: [
        provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations(),
        { provide: APPROVAL_RETRY_DELAYS, useValue: [0, 0] },
      ],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  async function open(status: ClaimStatus | Claim) {
    const fixture = TestBed.createComponent(ClaimDetailPage);
    fixture.componentRef.setInput('id', 'c-1');
    await fixture.whenStable();
    backend.expectOne('/api/expenses/categories').flush([{ code: 'meals', nameZh: '餐费', nameEn: 'Meals', isActive: true, allowsPersonalInvoice: false }]);
    backend.expectOne('/api/expenses/claims/c-1').flush(typeof status === 'string' ? claim(status) : status);
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

  it('shows the trip and travelling colleagues, and a travel finding at its line', async () => {
    const c = claim('Submitted');
    const { el } = await open({
      ...c, tripStart: '2024-01-06', tripEnd: '2024-01-08', travellers: ['李雷', '韩梅梅'],
      findings: [{ rule: 'TravelClass', severity: 'Warn', line: 0, message: 'Line 1: the seat class 一等座 is above what your grade may claim (二等座).', justification: 'Only seat left' }],
    });
    expect(el.querySelector('[data-testid=claim-trip]')?.textContent).toContain('Trip 2024-01-06 – 2024-01-08');
    expect(el.querySelector('[data-testid=claim-travellers]')?.textContent).toContain('李雷、韩梅梅');
    const finding = el.querySelectorAll('[data-testid=claim-line]')[0].querySelector('[data-testid=finding]')!;
    expect(finding.getAttribute('data-rule')).toBe('TravelClass');
    expect(finding.textContent).toContain('一等座');
  });

  it("shows each ticket line's trip as the server read it, and nothing on a line without one", async () => {
    const c = claim('Submitted');
    c.lines[0] = {
      ...c.lines[0], category: 'travel',
      ticket: { kind: 'train-ticket', travelDate: '2024-01-06', travel: { trainNumber: 'G6111', from: '广州南站', to: '长沙南站', seatClass: '二等座', seat: '05车12F号', passengerName: '王小明', departureTime: '2024-01-06T07:15' } },
    };
    const { el } = await open(c);
    const lines = el.querySelectorAll('[data-testid=claim-line]');
    const trip = lines[0].querySelector('[data-testid=line-travel]')!;
    expect(trip.textContent).toContain('G6111 广州南站 → 长沙南站 · 二等座 05车12F号 · 王小明 · 2024-01-06 07:15');
    expect(trip.querySelector('mat-icon')?.textContent).toBe('train');
    expect(lines[1].querySelector('[data-testid=line-travel]')).toBeNull();
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

  const review = (a: ApprovalDto) => ({ claim: claim('InApproval'), receipts: [], approval: a, myTaskId: null, canDecide: false });
  const notFound = { code: 'Approvals.ClaimNotFound', title: 'Not found', status: 404 };
  const settle = async (fixture: { whenStable(): Promise<unknown> }) => {
    await new Promise((r) => setTimeout(r, 5));
    await fixture.whenStable();
  };

  it('does not ask for an approval of a draft', async () => {
    const { el } = await open('Draft');
    backend.expectNone('/api/approvals/claims/c-1');
    expect(el.querySelector('[data-testid=claim-approval]')).toBeNull();
  });

  it("shows the approval's steps, who approved on whose behalf, comments and whom it waits for", async () => {
    const { fixture, el } = await open('InApproval');
    backend.expectOne({ method: 'GET', url: '/api/approvals/claims/c-1' }).flush(review(approval()));
    await fixture.whenStable();
    const section = el.querySelector('[data-testid=claim-approval]')!;
    expect(section.getAttribute('data-state')).toBe('ready');
    expect(section.querySelector('h2')?.textContent).toBe('Approval progress');
    const steps = section.querySelectorAll('[data-testid=approval-step]');
    expect([...steps].map((s) => s.getAttribute('data-status'))).toEqual(['Approved', 'Active', 'Skipped', 'Pending']);
    expect(steps[0].querySelector('[data-testid=task-on-behalf]')?.textContent).toContain('赵敏 on behalf of 张伟');
    expect(steps[0].querySelector('[data-testid=task-comment]')?.textContent).toContain('OK');
    expect(section.querySelector('[data-testid=approval-pending]')?.textContent).toContain('Waiting for: 李娜');
    expect(el.querySelector('[data-testid=approval-waiting]')).toBeNull();
  });

  it('waits quietly while the approval has not started, asks again and then shows it', async () => {
    const error = vi.spyOn(TestBed.inject(NotifyService), 'error');
    const { fixture, el } = await open('Submitted');
    backend.expectOne('/api/approvals/claims/c-1').flush(notFound, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=claim-approval]')?.getAttribute('data-state')).toBe('waiting');
    expect(el.querySelector('[data-testid=approval-waiting]')?.textContent).toContain('Waiting for the approval to start');
    expect(el.querySelector('[data-testid=approval-step]')).toBeNull();

    await settle(fixture);
    backend.expectOne('/api/approvals/claims/c-1').flush(review(approval()));
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid=claim-approval] [data-testid=approval-step]').length).toBe(4);
    expect(el.querySelector('[data-testid=approval-waiting]')).toBeNull();
    expect(error).not.toHaveBeenCalled();
  });

  it('stops asking after the retries, offering a refresh, still without an error', async () => {
    const error = vi.spyOn(TestBed.inject(NotifyService), 'error');
    const { fixture, el } = await open('Submitted');
    for (let i = 0; i < 3; i++) {
      backend.expectOne('/api/approvals/claims/c-1').flush(notFound, { status: 404, statusText: 'Not Found' });
      await settle(fixture);
    }
    backend.expectNone('/api/approvals/claims/c-1');
    expect(el.querySelector('[data-testid=claim-approval]')?.getAttribute('data-state')).toBe('stalled');
    expect(el.querySelector('[data-testid=approval-waiting]')).not.toBeNull();
    expect(error).not.toHaveBeenCalled();

    el.querySelector<HTMLButtonElement>('[data-testid=approval-refresh]')!.click();
    backend.expectOne('/api/approvals/claims/c-1').flush(review(approval()));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=claim-approval]')?.getAttribute('data-state')).toBe('ready');
  });

  it('shows no approval section for a claim cancelled before its approval started', async () => {
    const { fixture, el } = await open('Cancelled');
    backend.expectOne('/api/approvals/claims/c-1').flush(notFound, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    backend.expectNone('/api/approvals/claims/c-1');
    expect(el.querySelector('[data-testid=claim-approval]')).toBeNull();
  });

  it("puts the approver's return comment up front with the button to edit and resubmit", async () => {
    const returned = claim('Returned');
    returned.timeline.push(
      { type: 'InApproval', fromStatus: 'Submitted', toStatus: 'InApproval', actorId: null, actorName: null, onBehalfOfId: null, at: '2026-11-21T08:01:00Z', reason: null },
      { type: 'Returned', fromStatus: 'InApproval', toStatus: 'Returned', actorId: 'p-5', actorName: '张伟', onBehalfOfId: null, at: '2026-11-22T09:30:00Z', reason: 'Please attach the hotel invoice.' },
    );
    const { fixture, el } = await open(returned);
    const a = approval({ status: 'Returned' });
    a.steps[1] = { ...a.steps[1], status: 'Returned' };
    backend.expectOne('/api/approvals/claims/c-1').flush(review(a));
    await fixture.whenStable();

    const banner = el.querySelector('[data-testid=return-reason]')!;
    expect(banner.textContent).toContain('Returned for changes');
    expect(banner.textContent).toContain('张伟');
    expect(banner.querySelector('[data-testid=return-comment]')?.textContent).toContain('Please attach the hotel invoice.');
    const edit = el.querySelectorAll('[data-testid=edit-claim]');
    expect(edit.length).toBe(1);
    expect(banner.contains(edit[0])).toBe(true);
    expect(edit[0].getAttribute('href')).toBe('/expenses/claims/c-1/edit');
    expect(edit[0].textContent).toContain('Edit and resubmit');
    expect(el.querySelector('[data-testid=status-chip]')?.textContent?.trim()).toBe('Returned');
    expect(el.querySelector('[data-testid=claim-approval] [data-testid=approval-step][data-status=Returned]')).not.toBeNull();
    expect(el.querySelector('[data-testid=approval-pending]')).toBeNull();
  });

  it('shows no return banner for a claim that is not returned', async () => {
    const { el } = await open('InApproval');
    expect(el.querySelector('[data-testid=return-reason]')).toBeNull();
  });
});
