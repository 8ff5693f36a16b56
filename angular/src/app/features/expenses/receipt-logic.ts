import { DocumentKind, InvoiceFields, ReceiptDto, TextLine, Travel } from './data/expenses.models';

/** Below this recognition confidence a field is marked for the employee to check. */
export const LOW_CONFIDENCE = 0.8;

export interface LinePrefill {
  /** The category the document's kind suggests, or null to leave the employee's choice. */
  category: string | null;
  amount: number | null;
  currency: string;
  expenseDate: string | null;
  invoice: InvoiceFields;
  /** Field names (line fields and invoice fields) recognised with confidence below LOW_CONFIDENCE. */
  lowConfidence: string[];
  /** Which document of a file of several the line is; null for a file of one. */
  documentIndex: number | null;
}

/** What a ticket's kind says the expense was, where the company has that category. */
export const KIND_CATEGORIES: Partial<Record<DocumentKind, string>> = {
  'train-ticket': 'travel',
  'air-itinerary': 'travel',
  'bus-ship-ticket': 'travel',
  taxi: 'local-transport',
  'hotel-folio': 'hotel',
};

export function categoryFor(kind: DocumentKind | null | undefined, categories: readonly string[]): string | null {
  const guess = kind ? KIND_CATEGORIES[kind] : undefined;
  return guess && categories.includes(guess) ? guess : null;
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

/** The documents a file of several holds (a 粘贴单); empty for a file of one. */
export function documentsOf(receipt: Pick<ReceiptDto, 'recognition'> | null | undefined) {
  const docs = receipt?.recognition?.documents ?? [];
  return docs.length > 1 ? docs : [];
}

/**
 * A claim line's starting values from what recognition proposed: one per document of the file. An invoice does not
 * say what the expense was for, so the category is guessed only from a ticket's kind (and only among `categories`).
 * Line fields derived from an invoice field inherit its confidence; the confidences are the page's, i.e. the first
 * document's.
 */
export function prefillsFromReceipt(receipt: ReceiptDto, categories: readonly string[] = []): LinePrefill[] {
  const docs = documentsOf(receipt);
  if (!docs.length) return [prefillFromReceipt(receipt, categories)];
  const low = lowConfidenceOf(receipt);
  return docs.map((d, i) => {
    const proposed = { ...emptyInvoice(), ...d.proposed };
    return {
      category: categoryFor(d.kind, categories),
      amount: proposed.totalAmount,
      currency: d.currency || receipt.proposedCurrency || 'CNY',
      expenseDate: proposed.issueDate ?? d.travelDate ?? null,
      invoice: proposed,
      lowConfidence: i === 0 ? low : [],
      documentIndex: i,
    };
  });
}

/** The single-document prefill (a file of one, or the page's own fields). */
export function prefillFromReceipt(receipt: ReceiptDto, categories: readonly string[] = []): LinePrefill {
  const proposed = receipt.proposed ?? emptyInvoice();
  return {
    category: categoryFor(receipt.documentKind, categories),
    amount: proposed.totalAmount,
    currency: receipt.proposedCurrency || 'CNY',
    expenseDate: proposed.issueDate ?? receipt.recognition?.travelDate ?? null,
    invoice: { ...emptyInvoice(), ...proposed },
    lowConfidence: lowConfidenceOf(receipt),
    documentIndex: null,
  };
}

function lowConfidenceOf(receipt: ReceiptDto): string[] {
  const low = new Set<string>();
  for (const [field, c] of Object.entries(receipt.recognition?.confidence ?? {})) {
    if (typeof c === 'number' && c < LOW_CONFIDENCE) low.add(field);
  }
  if (low.has('totalAmount')) low.add('amount');
  if (low.has('issueDate')) low.add('expenseDate');
  return [...low].sort();
}

/** The kind and trip of one line's document: the file's own, or the indexed document of a file of several. */
export function ticketOf(receipt: ReceiptDto | null | undefined, documentIndex: number | null | undefined): { kind: DocumentKind | null; travel: Travel | null; travelDate: string | null } | null {
  if (!receipt) return null;
  const docs = documentsOf(receipt);
  if (docs.length && documentIndex !== null && documentIndex !== undefined) {
    const d = docs[documentIndex];
    return d ? { kind: d.kind, travel: d.travel ?? null, travelDate: d.travelDate ?? null } : null;
  }
  return { kind: receipt.documentKind, travel: receipt.recognition?.travel ?? null, travelDate: receipt.recognition?.travelDate ?? null };
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayBox extends Rect {
  text: string;
  highlighted: boolean;
}

/** A rectangle from the image's pixel coordinates to the size the image is displayed at (each axis on its own). */
export function scaleRect(r: Rect, natural: Size, displayed: Size): Rect | null {
  if (!natural.width || !natural.height) return null;
  const sx = displayed.width / natural.width;
  const sy = displayed.height / natural.height;
  return { x: r.x * sx, y: r.y * sy, width: r.width * sx, height: r.height * sy };
}

/** Boxes from the image's pixel coordinates to the size the image is displayed at. */
export function scaleBoxes(
  lines: readonly TextLine[],
  natural: Size,
  displayed: Size,
  highlight: (line: TextLine) => boolean = () => false,
): DisplayBox[] {
  if (!natural.width || !natural.height) return [];
  return lines.map((l) => ({ ...(scaleRect(l, natural, displayed) as Rect), text: l.text, highlighted: highlight(l) }));
}

export interface DocumentBox extends Rect {
  /** The document's index in the file. */
  index: number;
  kind: DocumentKind;
  active: boolean;
}

/**
 * Each document's box ([x, y, width, height] in image pixels) at the displayed size; `active` marks the one whose
 * line has the focus. Boxes that are not four numbers are skipped rather than drawn somewhere wrong.
 */
export function documentBoxes(
  documents: readonly { kind: DocumentKind; box: readonly number[] }[],
  natural: Size,
  displayed: Size,
  active: number | null = null,
): DocumentBox[] {
  const out: DocumentBox[] = [];
  documents.forEach((d, index) => {
    if (d.box?.length !== 4 || d.box.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return;
    const [x, y, width, height] = d.box;
    const r = scaleRect({ x, y, width, height }, natural, displayed);
    if (r) out.push({ ...r, index, kind: d.kind, active: index === active });
  });
  return out;
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
