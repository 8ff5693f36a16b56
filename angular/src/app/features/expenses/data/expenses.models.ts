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

/** The trip a ticket is for, as printed (times local, "2019-03-10T14:50"); an absent part was not read. */
export interface Travel {
  passengerName?: string | null;
  from?: string | null;
  to?: string | null;
  trainNumber?: string | null;
  flightNumber?: string | null;
  seatClass?: string | null;
  seat?: string | null;
  departureTime?: string | null;
  arrivalTime?: string | null;
  distanceKm?: number | null;
  plateNumber?: string | null;
  checkIn?: string | null;
  checkOut?: string | null;
  nights?: number | null;
  nightlyRate?: number | null;
  room?: string | null;
}

/** One document of several in one file (a 粘贴单): its kind, box on the image [x, y, width, height] and fields. */
export interface RecognizedDocument {
  kind: DocumentKind;
  identity: string | null;
  box: number[];
  proposed: InvoiceFields;
  currency: string | null;
  travelDate: string | null;
  travel: Travel | null;
}

export interface Recognition {
  sources: Record<string, FieldSource>;
  confidence: Record<string, number>;
  warnings: string[];
  /** Boxes in the image's pixel coordinates (for images). */
  textLines: TextLine[];
  elapsedMs: number;
  /** Duplicate key of a ticket, e.g. "train-ticket:003B052946". */
  identity?: string | null;
  travelDate?: string | null;
  travel?: Travel | null;
  /** Only when the file held several documents; the receipt's own proposal is the first one's. */
  documents?: RecognizedDocument[] | null;
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
  /** Which document of its receipt file the line is (0-49), for a file of several. */
  documentIndex?: number | null;
}

export interface ClaimInput {
  title: string;
  legalEntityId: string;
  lines: ClaimLineInput[];
  /** First and last day of the trip: both or neither. */
  tripStart?: string | null;
  tripEnd?: string | null;
  /** Colleagues whose tickets the claim may carry besides the claimant's own (at most 20). */
  travellers?: string[];
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

/** The ticket a submitted line stands on, as recognition read it (its document on a sheet). */
export interface LineTicket {
  kind: DocumentKind;
  travelDate: string | null;
  travel: Travel;
}

export interface ClaimLine extends ClaimLineInput {
  id: string;
  position: number;
  exchangeRate: number;
  amountInBase: number;
  costCentreCode: string | null;
  description: string | null;
  /** Absent when the line's document carries no trip. */
  ticket?: LineTicket | null;
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
  tripStart?: string | null;
  tripEnd?: string | null;
  travellers?: string[] | null;
}

export type PolicySeverity = 'Off' | 'Warn' | 'Block';
export const POLICY_SEVERITIES: readonly PolicySeverity[] = ['Off', 'Warn', 'Block'];

/** The policy switches (GET/PUT /api/expenses/policy/settings). */
export interface PolicySettings {
  baseCurrency: string;
  buyerCheck: PolicySeverity;
  invoiceDateWindow: PolicySeverity;
  invoiceMaxAgeDays: number;
  categoryLimits: PolicySeverity;
  receiptRequired: PolicySeverity;
  receiptRequiredAbove: number;
  travelPolicy: PolicySeverity | null;
}

export type AirCabin = 'economy' | 'premium-economy' | 'business' | 'first';
export const AIR_CABINS: readonly AirCabin[] = ['economy', 'premium-economy', 'business', 'first'];
/** Train seat classes as tickets print them, offered in the editor (others can be typed). */
export const TRAIN_CLASSES: readonly string[] = ['二等座', '一等座', '商务座', '特等座', '硬座', '软座', '硬卧', '软卧', '高级软卧', '动卧', '无座'];

/** 差标 of one grade (gradeCode null = everyone else). */
export interface TravelClassRule {
  gradeCode: string | null;
  trainClasses: string[];
  airCabins: AirCabin[];
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
