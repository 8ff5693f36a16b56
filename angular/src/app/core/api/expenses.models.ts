/** Shapes of the Expenses API (/api/expenses): receipts, categories, claims. */

export type RecognitionStatus = 'Pending' | 'Running' | 'Succeeded' | 'Failed';
export type DocumentKind =
  | 'vat-invoice' | 'e-invoice' | 'receipt' | 'unknown'
  | 'train-ticket' | 'air-itinerary' | 'taxi' | 'quota-invoice' | 'toll' | 'bus-ship-ticket' | 'roll-invoice' | 'hotel-folio';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'vat-invoice', 'e-invoice', 'receipt', 'unknown',
  'train-ticket', 'air-itinerary', 'taxi', 'quota-invoice', 'toll', 'bus-ship-ticket', 'roll-invoice', 'hotel-folio',
];
export type FieldSource = 'xml' | 'ofd' | 'pdf-text' | 'qr' | 'ocr';

export interface InvoiceFields {
  invoiceType: string | null;
  invoiceCode: string | null;
  invoiceNumber: string | null;
  issueDate: string | null;
  checkCode: string | null;
  amountExcludingTax: number | null;
  taxAmount: number | null;
  totalAmount: number | null;
  sellerName: string | null;
  sellerTaxId: string | null;
  buyerName: string | null;
  buyerTaxId: string | null;
}

export const INVOICE_FIELD_NAMES: readonly (keyof InvoiceFields)[] = [
  'invoiceType', 'invoiceCode', 'invoiceNumber', 'issueDate', 'checkCode', 'amountExcludingTax', 'taxAmount',
  'totalAmount', 'sellerName', 'sellerTaxId', 'buyerName', 'buyerTaxId',
];

export interface TextLine {
  text: string;
  confidence: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Recognition {
  sources: Record<string, FieldSource>;
  confidence: Record<string, number>;
  warnings: string[];
  /** Boxes in the image's pixel coordinates (for images). */
  textLines: TextLine[];
  elapsedMs: number;
}

export interface ReceiptDto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  contentHash: string;
  uploadedAt: string;
  status: RecognitionStatus;
  attempts: number;
  error: string | null;
  documentKind: DocumentKind | null;
  proposed: InvoiceFields | null;
  proposedCurrency: string | null;
  recognition: Recognition | null;
  claimId: string | null;
}

export interface ExpenseCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  isActive: boolean;
  allowsPersonalInvoice: boolean;
}

export type ClaimStatus =
  | 'Draft' | 'Submitted' | 'InApproval' | 'Approved' | 'Scheduled' | 'Paid' | 'Returned' | 'Rejected' | 'Cancelled';

export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'Draft', 'Submitted', 'InApproval', 'Approved', 'Scheduled', 'Paid', 'Returned', 'Rejected', 'Cancelled',
];

export interface ClaimLineInput {
  category: string;
  amount: number;
  currency: string;
  expenseDate: string;
  costCentreCode?: string | null;
  description?: string | null;
  receiptIds: string[];
  invoice: InvoiceFields;
}

export interface ClaimInput {
  title: string;
  legalEntityId: string;
  lines: ClaimLineInput[];
}

export type FindingSeverity = 'Warn' | 'Block';

export interface PolicyFinding {
  rule: string;
  severity: FindingSeverity;
  /** 0-based line index, or null for the claim as a whole. */
  line: number | null;
  message: string;
  justification: string | null;
}

export interface Justification {
  rule: string;
  line: number | null;
  text: string;
}

export interface ClaimLine extends ClaimLineInput {
  id: string;
  position: number;
  exchangeRate: number;
  amountInBase: number;
  costCentreCode: string | null;
  description: string | null;
}

export interface TimelineEntry {
  type: string;
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus | null;
  actorId: string | null;
  actorName: string | null;
  onBehalfOfId: string | null;
  at: string;
  reason: string | null;
}

export interface Claim {
  id: string;
  number: string;
  employeeId: string;
  legalEntityId: string;
  title: string;
  status: ClaimStatus;
  baseCurrency: string;
  totalInBase: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  lines: ClaimLine[];
  findings: PolicyFinding[];
  timeline: TimelineEntry[];
}

export interface ClaimListItem {
  id: string;
  number: string;
  title: string;
  status: ClaimStatus;
  totalInBase: number;
  baseCurrency: string;
  lineCount: number;
  createdAt: string;
  submittedAt: string | null;
  updatedAt: string;
}

export type ClaimSort = '-createdAt' | 'createdAt' | 'total' | '-total' | '-submittedAt' | 'submittedAt';

export interface ClaimsQuery {
  page: number;
  pageSize: number;
  status?: ClaimStatus[];
  from?: string;
  to?: string;
  search?: string;
  sort?: ClaimSort | string;
}
