import { LOW_CONFIDENCE, categoryFor, documentBoxes, prefillFromReceipt, prefillsFromReceipt, proposedValues, scaleBoxes, scaleRect, textMatches, ticketOf } from './receipt-logic';
import { receipt, sheet } from './testing';

describe('prefill from recognised fields', () => {
  it('takes amount from the total, date from the issue date, currency as proposed, and leaves the category to the employee', () => {
    const p = prefillFromReceipt(receipt({ proposedCurrency: 'USD' }), ['travel', 'meals', 'other']);
    expect(p.amount).toBe(106);
    expect(p.expenseDate).toBe('2026-11-03');
    expect(p.currency).toBe('USD');
    expect(p.category).toBeNull();
    expect(p.invoice.invoiceNumber).toBe('12345678');
    expect(p.invoice.sellerTaxId).toBe('91440300MA5XXXXXX1');
  });

  it('defaults the currency to CNY when recognition proposed none', () => {
    expect(prefillFromReceipt(receipt({ proposedCurrency: null })).currency).toBe('CNY');
  });

  it(`marks exactly the fields recognised with confidence below ${LOW_CONFIDENCE}, and the line fields derived from them`, () => {
    expect(prefillFromReceipt(receipt()).lowConfidence).toEqual(['buyerTaxId', 'sellerName']);
    const r = receipt();
    r.recognition!.confidence = { totalAmount: 0.79, issueDate: 0.8, currency: 0.3 };
    expect(prefillFromReceipt(r).lowConfidence).toEqual(['amount', 'currency', 'totalAmount']);
  });

  it('gives empty fields and no marks for a receipt recognition could not read', () => {
    const p = prefillFromReceipt(receipt({ status: 'Failed', proposed: null, recognition: null, proposedCurrency: null }));
    expect(p.amount).toBeNull();
    expect(p.expenseDate).toBeNull();
    expect(p.invoice.invoiceNumber).toBeNull();
    expect(p.lowConfidence).toEqual([]);
  });
});

describe('box overlay scaling', () => {
  const lines = [{ text: 'a', confidence: 1, x: 100, y: 200, width: 300, height: 40 }];

  it('scales boxes from image pixels to the displayed size', () => {
    const [b] = scaleBoxes(lines, { width: 2000, height: 1000 }, { width: 500, height: 250 });
    expect(b).toMatchObject({ x: 25, y: 50, width: 75, height: 10 });
  });

  it('scales each axis on its own', () => {
    const [b] = scaleBoxes(lines, { width: 1000, height: 1000 }, { width: 500, height: 2000 });
    expect(b).toMatchObject({ x: 50, y: 400, width: 150, height: 80 });
  });

  it('draws nothing before the image size is known', () => {
    expect(scaleBoxes(lines, { width: 0, height: 0 }, { width: 500, height: 250 })).toEqual([]);
  });

  it('highlights the lines carrying a proposed value, however it is printed', () => {
    const values = proposedValues(receipt().proposed);
    expect(values).toContain('106.00');
    expect(values).toContain('2026年11月03日');
    expect(textMatches({ text: '发票号码：12345678' }, values)).toBe(true);
    expect(textMatches({ text: '价税合计（小写）¥106.00' }, values)).toBe(true);
    expect(textMatches({ text: '开票日期：2026年11月03日' }, values)).toBe(true);
    expect(textMatches({ text: '备注' }, values)).toBe(false);
    const boxes = scaleBoxes(receipt().recognition!.textLines, { width: 1200, height: 800 }, { width: 600, height: 400 }, (l) => textMatches(l, values));
    expect(boxes.map((b) => b.highlighted)).toEqual([true, true, false]);
  });
});

describe('a sheet of several documents (粘贴单)', () => {
  const codes = ['travel', 'hotel', 'local-transport', 'meals', 'other'];

  it('gives one prefill per document, in order, with its index, amount, date, currency and invoice fields', () => {
    const p = prefillsFromReceipt(sheet(), codes);
    expect(p.map((x) => x.documentIndex)).toEqual([0, 1, 2]);
    expect(p.map((x) => x.amount)).toEqual([41, 35.5, 20]);
    expect(p.map((x) => x.invoice.invoiceNumber)).toEqual(['003B052946', '00212345', '01234567']);
    // The taxi receipt prints no issue date: its travel date is the line's date.
    expect(p.map((x) => x.expenseDate)).toEqual(['2024-01-06', '2024-01-07', '2024-01-08']);
    // No currency on the quota invoice: the receipt's, then CNY.
    expect(p.map((x) => x.currency)).toEqual(['CNY', 'CNY', 'CNY']);
  });

  it("guesses the category from each kind where the company has it, else leaves the employee's choice", () => {
    expect(prefillsFromReceipt(sheet(), codes).map((x) => x.category)).toEqual(['travel', 'local-transport', null]);
    // A company without a local-transport category keeps the employee's choice for the taxi.
    expect(prefillsFromReceipt(sheet(), ['travel', 'other']).map((x) => x.category)).toEqual(['travel', null, null]);
    expect(categoryFor('hotel-folio', codes)).toBe('hotel');
    expect(categoryFor('air-itinerary', codes)).toBe('travel');
    expect(categoryFor('bus-ship-ticket', codes)).toBe('travel');
    expect(categoryFor('vat-invoice', codes)).toBeNull();
  });

  it("marks low confidence only on the first document (the confidences are the page's fields)", () => {
    const p = prefillsFromReceipt(sheet(), codes);
    expect(p[0].lowConfidence).toEqual(['invoiceNumber']);
    expect(p[1].lowConfidence).toEqual([]);
  });

  it('treats a file of one document as today: one prefill without an index', () => {
    const single = prefillsFromReceipt(receipt(), codes);
    expect(single).toHaveLength(1);
    expect(single[0]).toMatchObject({ documentIndex: null, amount: 106, category: null });
    const one = sheet();
    one.recognition!.documents = one.recognition!.documents!.slice(0, 1);
    expect(prefillsFromReceipt(one, codes).map((x) => x.documentIndex)).toEqual([null]);
  });

  it('dates a ticket without an issue date by its travel date', () => {
    const r = sheet({ proposed: { ...sheet().proposed!, issueDate: null } });
    r.recognition!.documents = null;
    expect(prefillFromReceipt(r, codes).expenseDate).toBe('2024-01-06');
  });

  it("finds the trip of each line: the file's own, or the indexed document's", () => {
    expect(ticketOf(sheet(), 1)).toMatchObject({ kind: 'taxi', travelDate: '2024-01-07', travel: { plateNumber: '粤A·12345' } });
    expect(ticketOf(sheet(), 2)).toMatchObject({ kind: 'quota-invoice', travel: null });
    expect(ticketOf(sheet(), 7)).toBeNull();
    expect(ticketOf(receipt(), null)).toMatchObject({ kind: 'vat-invoice', travel: null });
    expect(ticketOf(null, 0)).toBeNull();
  });
});

describe('document boxes', () => {
  const docs = sheet().recognition!.documents!;

  it('scales each box from image pixels to the displayed size and marks the active one', () => {
    const boxes = documentBoxes(docs, { width: 2000, height: 1500 }, { width: 400, height: 300 }, 1);
    expect(boxes.map((b) => [b.index, b.x, b.y, b.width, b.height, b.active])).toEqual([
      [0, 8, 12, 180, 112, false],
      [1, 200, 12, 100, 180, true],
      [2, 20, 160, 120, 80, false],
    ]);
    expect(boxes.map((b) => b.kind)).toEqual(['train-ticket', 'taxi', 'quota-invoice']);
  });

  it('scales each axis on its own (an image squeezed by CSS)', () => {
    const [b] = documentBoxes(docs.slice(0, 1), { width: 2000, height: 1500 }, { width: 1000, height: 1500 });
    expect(b).toMatchObject({ x: 20, y: 60, width: 450, height: 560 });
    expect(scaleRect({ x: 10, y: 10, width: 10, height: 10 }, { width: 100, height: 50 }, { width: 50, height: 100 })).toEqual({ x: 5, y: 20, width: 5, height: 20 });
  });

  it('draws nothing before the image size is known, and skips a malformed box', () => {
    expect(documentBoxes(docs, { width: 0, height: 0 }, { width: 400, height: 300 })).toEqual([]);
    const bad = [{ kind: 'taxi' as const, box: [1, 2, 3] }, { kind: 'toll' as const, box: [0, 0, Number.NaN, 4] }, docs[2]];
    expect(documentBoxes(bad, { width: 2000, height: 1500 }, { width: 2000, height: 1500 }).map((b) => b.index)).toEqual([2]);
  });
});
