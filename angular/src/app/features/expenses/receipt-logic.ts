import { InvoiceFields, ReceiptDto, TextLine } from '../../core/api/expenses.models';

/** Below this recognition confidence a field is marked for the employee to check. */
export const LOW_CONFIDENCE = 0.8;

export interface LinePrefill {
  category: string;
  amount: number | null;
  currency: string;
  expenseDate: string | null;
  invoice: InvoiceFields;
  /** Field names (line fields and invoice fields) recognised with confidence below LOW_CONFIDENCE. */
  lowConfidence: string[];
}

export function emptyInvoice(): InvoiceFields {
  return {
    invoiceType: null, invoiceCode: null, invoiceNumber: null, issueDate: null, checkCode: null,
    amountExcludingTax: null, taxAmount: null, totalAmount: null, sellerName: null, sellerTaxId: null,
    buyerName: null, buyerTaxId: null,
  };
}

export function isFinal(receipt: Pick<ReceiptDto, 'status'>): boolean {
  return receipt.status === 'Succeeded' || receipt.status === 'Failed';
}

export function isImage(receipt: Pick<ReceiptDto, 'contentType'>): boolean {
  return receipt.contentType.startsWith('image/');
}

/**
 * A claim line's starting values from what recognition proposed. The category is left to the employee ("other"):
 * an invoice does not say what the expense was for. Line fields derived from an invoice field inherit its confidence.
 */
export function prefillFromReceipt(receipt: ReceiptDto): LinePrefill {
  const proposed = receipt.proposed ?? emptyInvoice();
  const confidence = receipt.recognition?.confidence ?? {};
  const low = new Set<string>();
  for (const [field, c] of Object.entries(confidence)) {
    if (typeof c === 'number' && c < LOW_CONFIDENCE) low.add(field);
  }
  if (low.has('totalAmount')) low.add('amount');
  if (low.has('issueDate')) low.add('expenseDate');
  return {
    category: 'other',
    amount: proposed.totalAmount,
    currency: receipt.proposedCurrency || 'CNY',
    expenseDate: proposed.issueDate,
    invoice: { ...emptyInvoice(), ...proposed },
    lowConfidence: [...low].sort(),
  };
}

export interface DisplayBox {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  highlighted: boolean;
}

/** Boxes from the image's pixel coordinates to the size the image is displayed at. */
export function scaleBoxes(
  lines: readonly TextLine[],
  natural: { width: number; height: number },
  displayed: { width: number; height: number },
  highlight: (line: TextLine) => boolean = () => false,
): DisplayBox[] {
  if (!natural.width || !natural.height) return [];
  const sx = displayed.width / natural.width;
  const sy = displayed.height / natural.height;
  return lines.map((l) => ({
    x: l.x * sx,
    y: l.y * sy,
    width: l.width * sx,
    height: l.height * sy,
    text: l.text,
    highlighted: highlight(l),
  }));
}

const normalise = (s: string) => s.replace(/[\s,，¥￥:：]/g, '').toLowerCase();

/** The proposed values worth finding on the image, as normalised strings (amounts also as 2-decimal text). */
export function proposedValues(proposed: InvoiceFields | null): string[] {
  if (!proposed) return [];
  const values: string[] = [];
  for (const v of Object.values(proposed)) {
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number') values.push(v.toFixed(2));
    else {
      values.push(normalise(String(v)));
      // 2026-11-03 is printed 2026年11月03日 on Chinese invoices.
      const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v));
      if (d) values.push(`${d[1]}年${d[2]}月${d[3]}日`);
    }
  }
  return values.filter((v) => v.length >= 2);
}

/** Does this recognised text line carry one of the proposed values? */
export function textMatches(line: Pick<TextLine, 'text'>, values: readonly string[]): boolean {
  const t = normalise(line.text);
  return values.some((v) => t.includes(v));
}
