import { ApiError } from '../../core/api/api-error';
import {
  BatchDto,
  BuildBatchRequest,
  JournalFormat,
  PayableDto,
  PaymentFileFormat,
  PaymentFileFormatDto,
  ReconciliationEntryDto,
  ResolveEntryRequest,
  StatementFormat,
  StatementImportDto,
} from './data/payments.models';

// ---------------------------------------------------------------- payables → batch

export interface PayableFilters {
  legalEntityId?: string | null;
  currency?: string | null;
  approvedFrom?: string | null;
  approvedTo?: string | null;
}

/** Only open payables go into a batch (held ones wait for a valid account, the others are already on their way). */
export function isSelectable(p: PayableDto): boolean {
  return p.status === 'Open';
}

export type BuildPlan =
  | { ok: true; mode: 'selected' | 'all'; request: BuildBatchRequest; count: number; total: number; currency: string | null }
  | { ok: false; reason: 'needsLegalEntity' | 'mixed' | 'nothingOpen' };

/**
 * What "Build batch" sends. With a selection: exactly the selected open payables (one legal entity and one currency,
 * as a batch pays from one account). Without: every open payable matching the filters, which needs a legal entity.
 * `rows` are the payables on screen; they give the count and total shown on the button.
 */
export function planBatch(filters: PayableFilters, rows: readonly PayableDto[], selectedIds: ReadonlySet<string>, executionDate?: string | null): BuildPlan {
  const date = executionDate || undefined;
  if (selectedIds.size) {
    const picked = rows.filter((r) => selectedIds.has(r.id) && isSelectable(r));
    if (!picked.length) return { ok: false, reason: 'nothingOpen' };
    const entities = new Set(picked.map((p) => p.legalEntityId));
    const currencies = new Set(picked.map((p) => p.currency));
    if (entities.size > 1 || currencies.size > 1) return { ok: false, reason: 'mixed' };
    const request: BuildBatchRequest = {
      legalEntityId: picked[0].legalEntityId,
      currency: picked[0].currency,
      payableIds: picked.map((p) => p.id),
      ...(date ? { executionDate: date } : {}),
    };
    return { ok: true, mode: 'selected', request, count: picked.length, total: sum(picked), currency: picked[0].currency };
  }
  if (!filters.legalEntityId) return { ok: false, reason: 'needsLegalEntity' };
  const currency = filters.currency?.trim().toUpperCase() || null;
  const open = rows.filter((r) => isSelectable(r) && r.legalEntityId === filters.legalEntityId && (!currency || r.currency === currency));
  if (!open.length) return { ok: false, reason: 'nothingOpen' };
  const request: BuildBatchRequest = { legalEntityId: filters.legalEntityId };
  if (currency) request.currency = currency;
  if (filters.approvedFrom) request.approvedFrom = filters.approvedFrom;
  if (filters.approvedTo) request.approvedTo = filters.approvedTo;
  if (date) request.executionDate = date;
  const currencies = new Set(open.map((p) => p.currency));
  return { ok: true, mode: 'all', request, count: open.length, total: sum(open), currency: currency ?? (currencies.size === 1 ? open[0].currency : null) };
}

function sum(rows: readonly PayableDto[]): number {
  return Math.round(rows.reduce((s, r) => s + r.amount, 0) * 100) / 100;
}

/** Today in the browser's time zone as yyyy-MM-dd (the default execution date). */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// ---------------------------------------------------------------- maker-checker

export type ReleaseBlock = 'status' | 'permission' | 'noPerson' | 'maker';

export interface ReleaseCheck {
  allowed: boolean;
  /** Why not; `maker` is the maker-checker rule: the person who built the batch cannot release it. */
  reason: ReleaseBlock | null;
}

/** Whether the signed-in user may release (复核发放) the batch: a draft, Payments.Release, and not its maker. */
export function releaseCheck(batch: Pick<BatchDto, 'status' | 'createdBy'>, personId: string | null | undefined, canRelease: boolean): ReleaseCheck {
  if (batch.status !== 'Draft') return { allowed: false, reason: 'status' };
  if (!canRelease) return { allowed: false, reason: 'permission' };
  if (!personId) return { allowed: false, reason: 'noPerson' };
  if (sameId(batch.createdBy, personId)) return { allowed: false, reason: 'maker' };
  return { allowed: true, reason: null };
}

function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function isMakerCannotRelease(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'Payments.MakerCannotRelease';
}

export function isPayableTaken(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'Payments.PayableTaken';
}

// ---------------------------------------------------------------- bank files

/** Bank files exist only for a released (or closed) batch. */
export function filesAvailable(status: BatchDto['status']): boolean {
  return status === 'Released' || status === 'Closed';
}

export interface FileButton {
  format: PaymentFileFormat;
  testId: string;
  /** Translation key; template buttons pass the template's name as `name`. */
  label: string;
  params?: { name: string };
}

/** The pain.001 buttons, always there (also while the templates' formats load, or when they cannot be read). */
export const PAIN_BUTTONS: readonly FileButton[] = [
  { format: 'pain.001.001.09', testId: 'download-pain001-09', label: 'payments.files.pain00109' },
  { format: 'pain.001.001.03', testId: 'download-pain001-03', label: 'payments.files.pain00103' },
];

/** One button per format on offer: pain.001 first, then each active template's CSV and Excel (`download-{code}-csv|xlsx`). */
export function fileButtons(formats: readonly PaymentFileFormatDto[]): FileButton[] {
  const templates = formats
    .filter((f) => f.kind === 'template' && f.templateCode)
    .map((f) => ({
      format: f.format,
      testId: `download-${f.format}`,
      label: f.extension === 'xlsx' ? 'payments.files.templateXlsx' : 'payments.files.templateCsv',
      params: { name: f.templateName || f.templateCode! },
    }));
  return [...PAIN_BUTTONS, ...templates];
}

/** The journal (记账凭证) downloads, next to the bank files and available at the same time. */
export const JOURNAL_BUTTONS: readonly { format: JournalFormat; testId: string; label: string }[] = [
  { format: 'csv', testId: 'download-journal-csv', label: 'payments.files.journalCsv' },
  { format: 'xlsx', testId: 'download-journal-xlsx', label: 'payments.files.journalXlsx' },
];

/** The journal's name from Content-Disposition, else `<batch>-journal.<csv|xlsx>`. */
export function journalName(contentDisposition: string | null, batchNumber: string, format: JournalFormat): string {
  return fileNameFrom(contentDisposition) ?? `${batchNumber}-journal.${format}`;
}

/** The name from Content-Disposition (RFC 5987 `filename*` preferred), else `<batch>-<format>.<ext>`. */
export function downloadName(contentDisposition: string | null, batchNumber: string, format: PaymentFileFormat): string {
  const named = fileNameFrom(contentDisposition);
  if (named) return named;
  const ext = format.startsWith('pain') ? 'xml' : format.endsWith('-xlsx') ? 'xlsx' : 'csv';
  return `${batchNumber}-${format}.${ext}`;
}

/** The file name in a Content-Disposition header (RFC 5987 `filename*` preferred), or null. */
function fileNameFrom(contentDisposition: string | null): string | null {
  if (contentDisposition) {
    const star = /filename\*\s*=\s*(?:UTF-8|utf-8)?''([^;]+)/.exec(contentDisposition);
    if (star) {
      try {
        return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
      } catch {
        // fall through to the plain name
      }
    }
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(contentDisposition);
    if (plain) return (plain[2] ?? plain[1]).trim() || null;
  }
  return null;
}

/** Long hashes are shown as the first and last characters; the full value stays in the title and the copy. */
export function shortHash(sha256: string | null | undefined): string {
  if (!sha256) return '';
  return sha256.length > 20 ? `${sha256.slice(0, 10)}…${sha256.slice(-8)}` : sha256;
}

// ---------------------------------------------------------------- statements

/** A guess from the extension, to show what the server will probably recognise; null = let the server decide. */
export function guessStatementFormat(fileName: string): StatementFormat | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xml' || ext === 'camt' || ext === 'camt053') return 'camt053';
  if (ext === 'sta' || ext === 'txt' || ext === 'mt940' || ext === '940') return 'mt940';
  if (ext === 'csv') return 'csv';
  return null;
}

export const STATEMENT_ACCEPT = '.xml,.sta,.txt,.mt940,.940,.csv,text/xml,application/xml,text/plain,text/csv';

export type ImportOutcome = 'duplicate' | 'empty' | 'clean' | 'attention';

export interface ImportSummary {
  outcome: ImportOutcome;
  /** Entries left for the reconciliation queue (unmatched, ambiguous, credits that only look like returns). */
  toReconcile: number;
  /** Entries the import settled by itself (matched + returned). */
  settled: number;
}

/** How an import went: a duplicate changed nothing; otherwise clean, or some entries wait for reconciliation. */
export function importSummary(r: StatementImportDto): ImportSummary {
  const toReconcile = (r.unmatched ?? 0) + (r.ambiguous ?? 0) + (r.probableReturns ?? 0);
  const settled = (r.matched ?? 0) + (r.returned ?? 0);
  if (r.duplicate) return { outcome: 'duplicate', toReconcile: 0, settled: 0 };
  if (!r.entryCount) return { outcome: 'empty', toReconcile, settled };
  return { outcome: toReconcile > 0 ? 'attention' : 'clean', toReconcile, settled };
}

// ---------------------------------------------------------------- reconciliation

/** A user's choice for one queue entry: a candidate's batch line, or "ignore" (not a reimbursement). */
export interface ReconChoice {
  pick: string | 'ignore' | null;
  note: string;
}

export const IGNORE = 'ignore';

/**
 * The resolve body for a choice, or null when it is not complete: picking a candidate needs one of the entry's
 * candidates; ignoring needs a note (it is the only record of why the money is set aside).
 */
export function resolveRequest(entry: Pick<ReconciliationEntryDto, 'candidates'>, choice: ReconChoice): ResolveEntryRequest | null {
  const note = choice.note.trim();
  if (choice.pick === IGNORE) return note ? { ignore: true, note } : null;
  if (!choice.pick || !entry.candidates.some((c) => c.batchLineId === choice.pick)) return null;
  return note ? { batchLineId: choice.pick, note } : { batchLineId: choice.pick };
}

/** The candidate to preselect: the one whose end-to-end id is the entry's, when exactly one matches it. */
export function suggestedCandidate(entry: Pick<ReconciliationEntryDto, 'candidates' | 'endToEndId' | 'amount'>): string | null {
  if (entry.endToEndId) {
    const byId = entry.candidates.filter((c) => c.endToEndId === entry.endToEndId);
    if (byId.length === 1) return byId[0].batchLineId;
  }
  return entry.candidates.length === 1 ? entry.candidates[0].batchLineId : null;
}
