/** The Payments module's contract (C# records in ExpenseFlow.Payments.Application, camelCase JSON). */

export const PAYABLE_STATUSES = ['Open', 'Held', 'InBatch', 'Scheduled', 'Paid', 'Closed'] as const;
export type PayableStatus = (typeof PAYABLE_STATUSES)[number];

/** Why a payable is held (account missing, invalid, or changed and not yet cleared) or closed for good (its claim was cancelled, rejected or returned). */
export const HOLD_REASONS = [
  'NoBankAccount', 'InvalidBankAccount', 'InvalidCnaps', 'BankAccountPending', 'BankAccountRecentlyChanged', 'ClaimCancelled', 'ClaimRejected', 'ClaimReturned',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export interface PayableDto {
  id: string;
  claimId: string;
  claimNumber: string;
  employeeId: string;
  payeeName: string;
  legalEntityId: string;
  amount: number;
  currency: string;
  approvedAt: string;
  status: PayableStatus;
  holdReason: HoldReason | null;
  accountName: string | null;
  accountNumberMasked: string | null;
  bankName: string | null;
  cnapsCode: string | null;
  batchId: string | null;
}

export interface PayablesQuery {
  status?: PayableStatus | null;
  legalEntityId?: string | null;
  currency?: string | null;
  /** yyyy-MM-dd */
  approvedFrom?: string | null;
  approvedTo?: string | null;
}

export const BATCH_STATUSES = ['Draft', 'Released', 'Cancelled', 'Closed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const BATCH_LINE_STATUSES = ['Pending', 'Paid', 'Returned', 'Removed'] as const;
export type BatchLineStatus = (typeof BATCH_LINE_STATUSES)[number];

export interface BatchLineDto {
  id: string;
  position: number;
  claimId: string;
  claimNumber: string;
  endToEndId: string;
  amount: number;
  currency: string;
  payeeName: string;
  accountName: string;
  accountNumberMasked: string;
  bankName: string;
  cnapsCode: string | null;
  status: BatchLineStatus;
  settledAt: string | null;
  /** When the paid account last changed (added, made default, details); null when it predates the change control. */
  accountChangedAt?: string | null;
  /** Who made that change, and who confirmed it (null: the owner's own change, paid after the waiting period). */
  accountChangedBy?: string | null;
  accountConfirmedBy?: string | null;
}

export interface BatchDto {
  id: string;
  number: string;
  legalEntityId: string;
  currency: string;
  status: BatchStatus;
  /** yyyy-MM-dd */
  executionDate: string;
  total: number;
  count: number;
  /** The maker's person id. */
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  /** The checker's person id. */
  releasedBy: string | null;
  releasedByName: string | null;
  releasedAt: string | null;
  /** Empty in the list. */
  lines: BatchLineDto[];
}

export interface BuildBatchRequest {
  legalEntityId: string;
  currency?: string;
  approvedFrom?: string;
  approvedTo?: string;
  payableIds?: string[];
  executionDate?: string;
}

/** The ISO 20022 formats, always offered (the first is the default). */
export const PAIN_FORMATS = ['pain.001.001.09', 'pain.001.001.03'] as const;

/** A pain.001 version, or `{code}-csv` / `{code}-xlsx` of an active bank template (GET /api/payments/file-formats). */
export type PaymentFileFormat = string;

/** GET /api/payments/file-formats: what a released batch can be downloaded in right now. */
export interface PaymentFileFormatDto {
  format: PaymentFileFormat;
  kind: 'iso20022' | 'template';
  extension: 'xml' | 'csv' | 'xlsx';
  templateCode: string | null;
  templateName: string | null;
}

export interface PaymentFileDto {
  id: string;
  format: string;
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
  generatedByName: string | null;
  generatedAt: string;
}

export const STATEMENT_FORMATS = ['camt053', 'mt940', 'csv'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export interface StatementImportDto {
  id: string;
  fileName: string;
  format: string;
  sha256: string;
  /** The same file was imported before: nothing changed. */
  duplicate: boolean;
  entryCount: number;
  matched: number;
  returned: number;
  unmatched: number;
  ambiguous: number;
  importedAt: string;
  /** Credits that fit a payment by amount and payee only: they wait in the queue, reopening nothing by themselves. */
  probableReturns?: number;
}

export const ENTRY_MATCHES = ['Matched', 'Returned', 'Unmatched', 'Ambiguous', 'Ignored', 'ProbableReturn', 'ReturnProposed'] as const;
export type EntryMatch = (typeof ENTRY_MATCHES)[number];

export interface ReconciliationCandidateDto {
  batchLineId: string;
  batchNumber: string;
  claimNumber: string;
  endToEndId: string;
  amount: number;
  payeeName: string;
  status: string;
}

export interface ReconciliationEntryDto {
  id: string;
  importId: string;
  bookingDate: string;
  amount: number;
  currency: string;
  isCredit: boolean;
  endToEndId: string | null;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  reference: string | null;
  details: string | null;
  match: EntryMatch;
  batchLineId: string | null;
  note: string | null;
  candidates: ReconciliationCandidateDto[];
  /** For a credit: who proposed it returned a payment (batchLineId); another finance user confirms (maker-checker). */
  proposedBy?: string | null;
  proposedByName?: string | null;
  proposedAt?: string | null;
}

export interface ResolveEntryRequest {
  batchLineId?: string;
  ignore?: boolean;
  note?: string;
}

// ---------------------------------------------------------------- accounting (记账凭证)

export type JournalFormat = 'csv' | 'xlsx';

/** Per legal entity (its id): the payable account (其他应付款) and the bank account (银行存款) it pays from. */
export interface EntityAccounts {
  payableAccount: string;
  bankAccount: string;
}

/** GET/PUT /api/payments/accounting/mapping: an expense account per expense category (with a default), payable and bank accounts. */
export interface AccountingMapping {
  expenseAccounts: Record<string, string>;
  defaultExpenseAccount: string;
  payableAccount: string;
  bankAccount: string;
  legalEntities: Record<string, EntityAccounts>;
}
