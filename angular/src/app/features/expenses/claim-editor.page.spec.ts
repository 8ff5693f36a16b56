import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { ClaimEditorPage } from './claim-editor.page';
import { POLL_INTERVAL_MS } from './receipt-uploads';
import { receipt, sheet } from './testing';

const categories = [
  { code: 'meals', nameZh: '餐费', nameEn: 'Meals', isActive: true, allowsPersonalInvoice: false },
  { code: 'other', nameZh: '其他', nameEn: 'Other', isActive: true, allowsPersonalInvoice: true },
];

describe('ClaimEditorPage', () => {
  let backend: HttpTestingController;
  let earlier: ReturnType<typeof receipt>[] = [];

  beforeEach(async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    TestBed.configureTestingModule({
      imports: [ClaimEditorPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    vi.useRealTimers();
    earlier = [];
  });

  async function open(withCategories = categories) {
    const fixture = TestBed.createComponent(ClaimEditorPage);
    await fixture.whenStable();
    backend.expectOne('/api/expenses/categories').flush(withCategories);
    backend.expectOne('/api/organization/legal-entities').flush([{ id: 'le-1', name: '示例科技有限公司', taxId: '91110000123456789X' }]);
    backend.expectOne('/api/organization/cost-centres').flush([{ code: 'CC-100', name: 'Sales', isActive: true }]);
    backend.expectOne('/api/expenses/receipts?unattached=true').flush(earlier);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const field = (el: HTMLElement, name: string, line = 0) =>
    el.querySelectorAll('[data-testid=claim-line]')[line].querySelector(`input[name=${name}]`) as HTMLInputElement;

  it('offers the drop zone and a camera-capable file input for photos, PDF, OFD and XML', async () => {
    const { el } = await open();
    expect(el.querySelector('[data-testid=receipt-drop]')).not.toBeNull();
    const input = el.querySelector('input[data-testid=receipt-input]') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.getAttribute('accept')).toBe('image/*,application/pdf,.ofd,.xml');
    expect(input.getAttribute('capture')).toBe('environment');
    // A new claim starts with one empty line (a line needs no receipt).
    expect(el.querySelectorAll('[data-testid=claim-line]').length).toBe(1);
  });

  it('fills a line from the recognised receipt and marks the low-confidence fields', async () => {
    const { fixture, el } = await open();
    fixture.componentInstance.addFiles([new File(['x'], 'invoice.jpg', { type: 'image/jpeg' })]);
    backend
      .expectOne({ method: 'POST', url: '/api/expenses/receipts' })
      .flush([receipt({ status: 'Pending', proposed: null, recognition: null })], { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=receipt-card]')?.getAttribute('data-status')).toBe('Pending');
    // The receipt took the empty line the new claim started with.
    expect(el.querySelectorAll('[data-testid=claim-line]').length).toBe(1);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    backend.expectOne('/api/expenses/receipts/r-1').flush(receipt());
    await fixture.whenStable();

    expect(el.querySelector('[data-testid=receipt-card]')?.getAttribute('data-status')).toBe('Succeeded');
    expect(field(el, 'invoiceNumber').value).toBe('12345678');
    expect(field(el, 'totalAmount').value).toBe('106');
    expect(field(el, 'amount').value).toBe('106');
    expect(field(el, 'issueDate').value).toBe('2026-11-03');
    expect(field(el, 'expenseDate').value).toBe('2026-11-03');
    expect(field(el, 'currency').value).toBe('CNY');
    expect(field(el, 'sellerName').value).toBe('深圳市某某餐饮有限公司');
    expect(field(el, 'sellerName').hasAttribute('data-low-confidence')).toBe(true);
    expect(field(el, 'buyerTaxId').hasAttribute('data-low-confidence')).toBe(true);
    expect(field(el, 'invoiceNumber').hasAttribute('data-low-confidence')).toBe(false);
    expect(field(el, 'amount').hasAttribute('data-low-confidence')).toBe(false);
    expect(el.querySelectorAll('[data-low-confidence]').length).toBe(2);

    // A second receipt gets a line of its own.
    fixture.componentInstance.addFiles([new File(['y'], 'taxi.pdf', { type: 'application/pdf' })]);
    backend.expectOne('/api/expenses/receipts').flush([receipt({ id: 'r-2', fileName: 'taxi.pdf', contentType: 'application/pdf', status: 'Running' })]);
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid=claim-line]').length).toBe(2);
    expect(field(el, 'invoiceNumber').value).toBe('12345678');
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    backend.expectOne('/api/expenses/receipts/r-2').flush(receipt({ id: 'r-2', fileName: 'taxi.pdf', contentType: 'application/pdf' }));
    await fixture.whenStable();
    const second = el.querySelectorAll('[data-testid=claim-line]')[1];
    expect(field(el, 'amount', 1).value).toBe('106');
    expect(second.querySelector('[data-testid=receipt-card]')?.textContent).toContain('taxi.pdf');
    expect(second.querySelector('img')).toBeNull();
  });

  it('saves, shows the policy findings inline, and refuses to submit until each warning is justified', async () => {
    const { fixture, el } = await open();
    const title = el.querySelector('input[data-testid=claim-title]') as HTMLInputElement;
    title.value = 'Client visit';
    title.dispatchEvent(new Event('input'));
    for (const [name, value] of [['amount', '350'], ['expenseDate', '2026-11-20']]) {
      const input = field(el, name);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    el.querySelector<HTMLButtonElement>('[data-testid=check-claim]')!.click();
    const create = backend.expectOne({ method: 'POST', url: '/api/expenses/claims' });
    expect(create.request.body).toMatchObject({
      title: 'Client visit',
      legalEntityId: 'le-1',
      lines: [{ category: 'other', amount: 350, currency: 'CNY', expenseDate: '2026-11-20', receiptIds: [] }],
    });
    create.flush({ id: 'c-1', number: 'EXP-1', status: 'Draft', lines: [], findings: [], timeline: [] }, { status: 201, statusText: 'Created' });
    backend.expectOne({ method: 'POST', url: '/api/expenses/claims/c-1/check' }).flush([
      { rule: 'CategoryLimitPerItem', severity: 'Warn', line: 0, message: 'Above the per-item limit of 300.00 CNY.', justification: null },
    ]);
    await fixture.whenStable();

    const line = el.querySelector('[data-testid=claim-line]')!;
    expect(line.querySelector('[data-testid=finding]')?.textContent).toContain('Above the per-item limit of 300.00 CNY.');

    el.querySelector<HTMLButtonElement>('[data-testid=submit-claim]')!.click();
    await fixture.whenStable();
    backend.expectNone('/api/expenses/claims/c-1/submit');
    expect(line.querySelector('[data-testid=justification-missing]')).not.toBeNull();

    const area = line.querySelector('textarea[data-testid=justification]') as HTMLTextAreaElement;
    area.value = 'Two guests';
    area.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid=submit-claim]')!.click();
    const submit = backend.expectOne({ method: 'POST', url: '/api/expenses/claims/c-1/submit' });
    expect(submit.request.body).toEqual({ justifications: [{ rule: 'CategoryLimitPerItem', line: 0, text: 'Two guests' }] });
    expect(submit.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    submit.flush({ id: 'c-1', number: 'EXP-1', status: 'Submitted' });
    expect(navigate).toHaveBeenCalledWith(['/expenses/claims', 'c-1']);
  });

  it('shows on its line why the server refused the invoice (e.g. typed fields contradicting the QR code)', async () => {
    const { fixture, el } = await open();
    const title = el.querySelector('input[data-testid=claim-title]') as HTMLInputElement;
    title.value = 'Hotel';
    title.dispatchEvent(new Event('input'));
    for (const [name, value] of [['amount', '120'], ['expenseDate', '2026-11-20']]) {
      const input = field(el, name);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    el.querySelector<HTMLButtonElement>('[data-testid=submit-claim]')!.click();
    backend
      .expectOne({ method: 'POST', url: '/api/expenses/claims' })
      .flush({ id: 'c-2', number: 'EXP-2', status: 'Draft', lines: [], findings: [], timeline: [] }, { status: 201, statusText: 'Created' });
    backend
      .expectOne({ method: 'POST', url: '/api/expenses/claims/c-2/submit' })
      .flush({ code: 'Expenses.InvoiceIdentityMismatch', detail: 'Line 1: the invoice typed is not the one read from its QR code.' }, { status: 422, statusText: 'Unprocessable' });
    await fixture.whenStable();
    backend.expectOne({ method: 'POST', url: '/api/expenses/claims/c-2/check' }).flush([
      { rule: 'InvoiceIdentityMismatch', severity: 'Block', line: 0, message: 'Line 1: the invoice typed is not the one read from its QR code.', justification: null },
    ]);
    await fixture.whenStable();

    const finding = el.querySelector('[data-testid=claim-line] [data-testid=finding]');
    expect(finding?.getAttribute('data-rule')).toBe('InvoiceIdentityMismatch');
    expect(finding?.textContent).toContain('read from its QR code');
  });

  it('edits a saved draft: fills the form, re-reads its receipts, and saves with PUT', async () => {
    const fixture = TestBed.createComponent(ClaimEditorPage);
    fixture.componentRef.setInput('id', 'c-9');
    await fixture.whenStable();
    backend.expectOne('/api/expenses/categories').flush(categories);
    backend.expectOne('/api/organization/legal-entities').flush([]);
    backend.expectOne('/api/organization/cost-centres').flush([]);
    backend.expectOne('/api/expenses/receipts?unattached=true').flush([]);
    backend.expectOne('/api/expenses/claims/c-9').flush({
      id: 'c-9', number: 'EXP-9', legalEntityId: 'le-1', title: 'Returned trip', status: 'Returned', findings: [], timeline: [],
      lines: [{ id: 'l-1', position: 0, category: 'meals', amount: 99, currency: 'CNY', exchangeRate: 1, amountInBase: 99, expenseDate: '2026-11-02',
        costCentreCode: null, description: null, receiptIds: ['r-1'], invoice: { ...receipt().proposed!, totalAmount: 99 } }],
    });
    backend.expectOne('/api/expenses/receipts/r-1').flush(receipt());
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    // The employee's saved values stay; recognition only marks what it was unsure of.
    expect(field(el, 'amount').value).toBe('99');
    expect(field(el, 'totalAmount').value).toBe('99');
    expect(field(el, 'sellerName').hasAttribute('data-low-confidence')).toBe(true);

    el.querySelector<HTMLButtonElement>('[data-testid=save-draft]')!.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/expenses/claims/c-9' });
    expect(put.request.body.lines[0]).toMatchObject({ category: 'meals', amount: 99, receiptIds: ['r-1'] });
    put.flush({ id: 'c-9', number: 'EXP-9', status: 'Returned', lines: [], findings: [], timeline: [] });
  });

  it('offers receipts uploaded earlier but in no claim, and fills a line from the one picked', async () => {
    earlier = [receipt({ id: 'r-7', fileName: 'lunch.jpg' })];
    const { fixture, el } = await open();
    const offer = el.querySelector<HTMLButtonElement>('[data-testid=unattached-receipt]')!;
    expect(offer.textContent).toContain('lunch.jpg');
    offer.click();
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid=claim-line]').length).toBe(1);
    expect(el.querySelector('[data-testid=receipt-card]')?.getAttribute('data-receipt-id')).toBe('r-7');
    expect(field(el, 'amount').value).toBe('106');
    expect(el.querySelector('[data-testid=unattached-receipts]')).toBeNull();
  });

  it('turns a sheet of three documents into three prefilled lines, each with its document, box and trip', async () => {
    const travelCategories = [
      ...categories,
      { code: 'travel', nameZh: '差旅交通', nameEn: 'Travel', isActive: true, allowsPersonalInvoice: false },
      { code: 'local-transport', nameZh: '市内交通', nameEn: 'Local transport', isActive: true, allowsPersonalInvoice: true },
    ];
    const { fixture, el } = await open(travelCategories);
    fixture.componentInstance.addFiles([new File(['x'], 'sheet.jpg', { type: 'image/jpeg' })]);
    backend.expectOne({ method: 'POST', url: '/api/expenses/receipts' }).flush([sheet({ status: 'Pending', proposed: null, recognition: null })], { status: 201, statusText: 'Created' });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    backend.expectOne('/api/expenses/receipts/r-sheet').flush(sheet());
    await fixture.whenStable();

    const lines = [...el.querySelectorAll<HTMLElement>('[data-testid=claim-line]')];
    expect(lines.map((l) => l.getAttribute('data-document-index'))).toEqual(['0', '1', '2']);
    expect([0, 1, 2].map((i) => field(el, 'amount', i).value)).toEqual(['41', '35.5', '20']);
    expect([0, 1, 2].map((i) => field(el, 'expenseDate', i).value)).toEqual(['2024-01-06', '2024-01-07', '2024-01-08']);
    expect([0, 1, 2].map((i) => field(el, 'invoiceNumber', i).value)).toEqual(['003B052946', '00212345', '01234567']);
    // The sheet is shown once; the other lines say which of its documents they are.
    expect(el.querySelectorAll('[data-testid=receipt-card]').length).toBe(1);
    expect(lines[1].querySelector('[data-testid=line-document]')?.textContent).toContain('Document 2 of 3 on the sheet');
    expect(lines[0].querySelector('[data-testid=line-travel]')?.textContent).toContain('G6111 广州南站 → 长沙南站 · 二等座 · 王小明 · 2024-01-06 07:15');
    expect(lines[1].querySelector('[data-testid=line-travel]')?.textContent).toContain('12.4 km');
    expect(lines[2].querySelector('[data-testid=line-travel]')).toBeNull();
    // Only the first document carries the page's confidences.
    expect(field(el, 'invoiceNumber', 0).hasAttribute('data-low-confidence')).toBe(true);
    expect(field(el, 'invoiceNumber', 1).hasAttribute('data-low-confidence')).toBe(false);

    // Focusing a line emphasises its document's box on the sheet.
    const img = el.querySelector('[data-testid=receipt-image]') as HTMLImageElement;
    for (const [k, v] of Object.entries({ naturalWidth: 2000, naturalHeight: 1500, clientWidth: 400, clientHeight: 300 })) {
      Object.defineProperty(img, k, { value: v, configurable: true });
    }
    img.dispatchEvent(new Event('load'));
    field(el, 'amount', 2).dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await fixture.whenStable();
    const active = () => [...el.querySelectorAll('[data-testid=document-box]')].map((d) => d.hasAttribute('data-active'));
    expect(active()).toEqual([false, false, true]);
    field(el, 'amount', 0).dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await fixture.whenStable();
    expect(active()).toEqual([true, false, false]);

    // The trip and a travelling colleague are saved with the claim, each line with its document index.
    const type = (input: HTMLInputElement, value: string, event = 'input') => {
      input.value = value;
      input.dispatchEvent(new Event(event));
    };
    type(el.querySelector('input[data-testid=claim-title]') as HTMLInputElement, 'Changsha');
    type(el.querySelector('input[data-testid=trip-start]') as HTMLInputElement, '2024-01-06');
    type(el.querySelector('input[data-testid=trip-end]') as HTMLInputElement, '2024-01-08');
    type(el.querySelector('input[data-testid=traveller-input]') as HTMLInputElement, '李雷', 'blur');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=traveller-chip]')?.textContent).toContain('李雷');
    el.querySelector<HTMLButtonElement>('[data-testid=save-draft]')!.click();
    const create = backend.expectOne({ method: 'POST', url: '/api/expenses/claims' });
    expect(create.request.body).toMatchObject({ tripStart: '2024-01-06', tripEnd: '2024-01-08', travellers: ['李雷'] });
    expect(create.request.body.lines.map((l: { documentIndex: number }) => l.documentIndex)).toEqual([0, 1, 2]);
    expect(create.request.body.lines.map((l: { receiptIds: string[] }) => l.receiptIds)).toEqual([['r-sheet'], ['r-sheet'], ['r-sheet']]);
    expect(create.request.body.lines.map((l: { category: string }) => l.category)).toEqual(['travel', 'local-transport', 'other']);
    create.flush({ id: 'c-1', number: 'EXP-1', status: 'Draft', lines: [], findings: [], timeline: [] }, { status: 201, statusText: 'Created' });
  });

  it('does not save a trip with only its last day, and says why', async () => {
    const { fixture, el } = await open();
    const end = el.querySelector('input[data-testid=trip-end]') as HTMLInputElement;
    end.value = '2024-01-08';
    end.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid=save-draft]')!.click();
    await fixture.whenStable();
    backend.expectNone({ method: 'POST', url: '/api/expenses/claims' });
    expect(el.querySelector('[data-testid=trip-error]')?.getAttribute('data-error')).toBe('tripIncomplete');
    expect(el.querySelector('[data-testid=trip-error]')?.textContent).toContain('Give both the first and the last day');
  });
});
