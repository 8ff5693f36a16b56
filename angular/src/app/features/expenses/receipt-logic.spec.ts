import { LOW_CONFIDENCE, prefillFromReceipt, proposedValues, scaleBoxes, textMatches } from './receipt-logic';
import { receipt } from './testing';

describe('prefill from recognised fields', () => {
  it('takes amount from the total, date from the issue date, currency as proposed, and leaves the category to the employee', () => {
    const p = prefillFromReceipt(receipt({ proposedCurrency: 'USD' }));
    expect(p.amount).toBe(106);
    expect(p.expenseDate).toBe('2026-11-03');
    expect(p.currency).toBe('USD');
    expect(p.category).toBe('other');
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
