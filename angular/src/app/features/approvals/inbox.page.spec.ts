import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { inboxQueryParams } from './data/approvals.api';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { batchRows } from './batch-approve-dialog';
import { InboxPage, isSelectable, parseAmount } from './inbox.page';
import { inboxItem } from './testing';

describe('inbox query', () => {
  it('puts tab, filters, sort and paging into the query string', () => {
    const p = inboxQueryParams({ view: 'done', search: ' Shanghai ', minAmount: 100, maxAmount: 5000.5, sort: '-amount', page: 3, pageSize: 50 });
    expect(p.toString()).toBe('view=done&search=Shanghai&minAmount=100&maxAmount=5000.5&sort=-amount&page=3&pageSize=50');
  });

  it('leaves out an empty sort (the default of the tab on the server)', () => {
    expect(inboxQueryParams({ view: 'done', sort: '', page: 1, pageSize: 20 }).toString()).toBe('view=done&page=1&pageSize=20');
  });

  it('leaves out empty filters but keeps a zero amount', () => {
    expect(inboxQueryParams({ view: 'open', search: '  ', minAmount: null, maxAmount: undefined, sort: 'waiting', page: 1, pageSize: 20 }).toString())
      .toBe('view=open&sort=waiting&page=1&pageSize=20');
    expect(inboxQueryParams({ view: 'open', minAmount: 0, sort: 'waiting', page: 1, pageSize: 20 }).get('minAmount')).toBe('0');
  });

  it('reads typed amounts, and only waiting decision tasks can be batch approved', () => {
    expect(parseAmount('1,000.50')).toBe(1000.5);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(isSelectable(inboxItem(1))).toBe(true);
    expect(isSelectable(inboxItem(2, { stepKind: 'notify', status: 'Unread' }))).toBe(false);
    expect(isSelectable(inboxItem(3, { status: 'Approved' }))).toBe(false);
  });

  it('pairs batch results with the selected rows', () => {
    const rows = batchRows([inboxItem(1), inboxItem(2)], [{ taskId: 't-2', ok: false, code: 'Approvals.TaskClosed', message: 'Closed' }]);
    expect(rows.map((r) => r.result?.ok ?? null)).toEqual([null, false]);
  });
});

describe('InboxPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    TestBed.configureTestingModule({
      imports: [InboxPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => vi.useRealTimers());

  const inboxRequests = () => backend.match((r) => r.url === '/api/approvals/inbox');

  async function render() {
    const fixture = TestBed.createComponent(InboxPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('loads open tasks longest waiting first and shows waiting time, urgency and on-behalf badge', async () => {
    const { fixture, el } = await render();
    const [req] = inboxRequests();
    expect(req.request.params.toString()).toBe('view=open&sort=waiting&page=1&pageSize=20');
    req.flush({
      items: [
        inboxItem(1, { escalateAt: '2020-01-01T00:00:00Z', remindedAt: '2019-12-31T00:00:00Z' }),
        inboxItem(2, { onBehalf: true, assigneeName: '张伟', waitingHours: 5.2, remindedAt: '2026-11-25T00:00:00Z' }),
      ],
      totalCount: 2,
    });
    await fixture.whenStable();

    const rows = el.querySelectorAll('[data-testid=inbox-table] tr[data-testid=inbox-row]');
    expect([...rows].map((r) => r.getAttribute('data-claim-number'))).toEqual(['EXP-2026-000001', 'EXP-2026-000002']);
    expect(rows[0].textContent).toContain('1,234.50 CNY');
    expect(rows[0].querySelector('[data-testid=waiting]')?.textContent).toContain('3 d 4 h');
    expect(rows[0].querySelector('[data-testid=waiting]')?.getAttribute('data-urgency')).toBe('overdue');
    expect(rows[1].querySelector('[data-testid=waiting]')?.getAttribute('data-urgency')).toBe('reminded');
    expect(rows[0].querySelector('[data-testid=on-behalf]')).toBeNull();
    expect(rows[1].querySelector('[data-testid=on-behalf]')?.textContent).toContain('on behalf of 张伟');
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain('2');
  });

  it('switches tabs from page 1 and opens the review page on row click, marking an unread notification read', async () => {
    const { fixture, el } = await render();
    inboxRequests()[0].flush({ items: [inboxItem(1)], total: 1 });
    await fixture.whenStable();

    el.querySelector<HTMLElement>('[data-testid=inbox-tab-notifications]')!.click();
    await fixture.whenStable();
    const [req] = inboxRequests();
    expect(req.request.params.get('view')).toBe('notifications');
    expect(req.request.params.has('sort')).toBe(false);
    req.flush({ items: [inboxItem(7, { stepKind: 'notify', status: 'Unread' })], total: 1 });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=batch-approve]')).toBeNull();

    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    el.querySelector<HTMLElement>('tr[data-testid=inbox-row]')!.click();
    backend.expectOne({ method: 'POST', url: '/api/approvals/tasks/t-7/read' }).flush(null, { status: 204, statusText: 'No Content' });
    expect(navigate).toHaveBeenCalledWith(['/approvals/claims', 'c-7']);
  });

  it('filters by search and amount after typing stops', async () => {
    const { fixture, el } = await render();
    inboxRequests()[0].flush({ items: [], total: 0 });
    const type = (name: string, value: string) => {
      const input = el.querySelector(`input[name=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('search', 'EXP-2026');
    type('minAmount', '500');
    type('maxAmount', '2,000');
    await vi.advanceTimersByTimeAsync(400);
    await fixture.whenStable();
    const reqs = inboxRequests();
    const last = reqs[reqs.length - 1].request.params;
    expect([last.get('search'), last.get('minAmount'), last.get('maxAmount'), last.get('page')]).toEqual(['EXP-2026', '500', '2000', '1']);
  });

  it('approves the selected tasks in a batch with a comment and lists each result', async () => {
    const { fixture, el } = await render();
    inboxRequests()[0].flush({ items: [inboxItem(1), inboxItem(2)], total: 2 });
    await fixture.whenStable();
    const batch = el.querySelector<HTMLButtonElement>('[data-testid=batch-approve]')!;
    expect(batch.disabled).toBe(true);

    el.querySelector<HTMLInputElement>('[data-testid=inbox-select-all] input')!.click();
    await fixture.whenStable();
    expect(batch.disabled).toBe(false);
    expect(batch.textContent).toContain('(2)');
    batch.click();
    await fixture.whenStable();

    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    const comment = dialog.querySelector('textarea[data-testid=batch-comment]') as HTMLTextAreaElement;
    comment.value = 'Fine';
    comment.dispatchEvent(new Event('input'));
    dialog.querySelector<HTMLButtonElement>('[data-testid=batch-confirm]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/approvals/tasks/batch-approve' });
    expect(req.request.body).toEqual({ taskIds: ['t-1', 't-2'], comment: 'Fine' });
    req.flush([
      { taskId: 't-1', ok: true, code: null, message: null },
      { taskId: 't-2', ok: false, code: 'Approvals.TaskClosed', message: 'Already decided by someone else.' },
    ]);
    await fixture.whenStable();

    const results = [...dialog.querySelectorAll('[data-testid=batch-result]')];
    expect(results.map((r) => r.getAttribute('data-ok'))).toEqual(['true', 'false']);
    expect(results[1].textContent).toContain('Already decided by someone else.');
    expect(dialog.querySelector('[data-testid=batch-summary]')?.textContent).toContain('1 approved, 1 not approved');

    dialog.querySelector<HTMLButtonElement>('[data-testid=batch-close]')!.click();
    await fixture.whenStable();
    await vi.advanceTimersByTimeAsync(500);
    expect(inboxRequests().length).toBe(1);
  });
});
