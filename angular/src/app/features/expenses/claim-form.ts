import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, Validators } from '@angular/forms';
import { ClaimInput, ClaimLine, InvoiceFields, INVOICE_FIELD_NAMES } from './data/expenses.models';
import { LinePrefill } from './receipt-logic';

export type InvoiceForm = FormGroup<{ [K in keyof InvoiceFields]: FormControl<InvoiceFields[K]> }>;

export type LineForm = FormGroup<{
  category: FormControl<string>;
  amount: FormControl<number | null>;
  currency: FormControl<string>;
  expenseDate: FormControl<string | null>;
  costCentreCode: FormControl<string | null>;
  description: FormControl<string | null>;
  receiptIds: FormControl<string[]>;
  /** Which document of its receipt file the line is (a 粘贴单 gives one line per document); null for a file of one. */
  documentIndex: FormControl<number | null>;
  invoice: InvoiceForm;
}>;

export type ClaimForm = FormGroup<{
  title: FormControl<string>;
  legalEntityId: FormControl<string | null>;
  tripStart: FormControl<string | null>;
  tripEnd: FormControl<string | null>;
  travellers: FormControl<string[]>;
  lines: FormArray<LineForm>;
}>;

/** As the server: a trip is both days or neither, the last not before the first, at most 366 days apart. */
export const MAX_TRIP_DAYS = 366;
export const MAX_TRAVELLERS = 20;
export const MAX_TRAVELLER_NAME = 64;

/** Errors: `tripIncomplete` (one day without the other), `tripOrder` (end before start), `tripTooLong`. */
export function tripValidator(group: AbstractControl): ValidationErrors | null {
  const start = group.get('tripStart')?.value as string | null;
  const end = group.get('tripEnd')?.value as string | null;
  if (!start && !end) return null;
  if (!start || !end) return { tripIncomplete: true };
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
  if (Number.isNaN(days)) return { tripIncomplete: true };
  if (days < 0) return { tripOrder: true };
  return days > MAX_TRIP_DAYS ? { tripTooLong: true } : null;
}

/** Names as typed: trimmed, blanks and repeats dropped; `null` when the name cannot be added (too long, list full). */
export function addTraveller(list: readonly string[], name: string): string[] | null {
  const n = name.trim();
  if (!n) return [...list];
  if (n.length > MAX_TRAVELLER_NAME) return null;
  if (list.includes(n)) return [...list];
  return list.length >= MAX_TRAVELLERS ? null : [...list, n];
}

/** The invoice fields in the order the form shows them, with the input type each needs. */
export const INVOICE_INPUTS: readonly { name: keyof InvoiceFields; type: 'text' | 'number' | 'date' }[] = INVOICE_FIELD_NAMES.map((name) => ({
  name,
  type: name === 'issueDate' ? 'date' : ['amountExcludingTax', 'taxAmount', 'totalAmount'].includes(name) ? 'number' : 'text',
}));

export function invoiceForm(): InvoiceForm {
  const controls = Object.fromEntries(INVOICE_FIELD_NAMES.map((n) => [n, new FormControl(null)]));
  return new FormGroup(controls) as unknown as InvoiceForm;
}

export function lineForm(receiptIds: string[] = []): LineForm {
  return new FormGroup({
    category: new FormControl('other', { nonNullable: true, validators: [Validators.required] }),
    amount: new FormControl<number | null>(null, [Validators.required, Validators.min(0.01)]),
    currency: new FormControl('CNY', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[A-Za-z]{3}$/)] }),
    expenseDate: new FormControl<string | null>(null, [Validators.required]),
    costCentreCode: new FormControl<string | null>(null),
    description: new FormControl<string | null>(null),
    receiptIds: new FormControl<string[]>(receiptIds, { nonNullable: true }),
    documentIndex: new FormControl<number | null>(null),
    invoice: invoiceForm(),
  });
}

export function claimForm(): ClaimForm {
  return new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    legalEntityId: new FormControl<string | null>(null, [Validators.required]),
    tripStart: new FormControl<string | null>(null),
    tripEnd: new FormControl<string | null>(null),
    travellers: new FormControl<string[]>([], { nonNullable: true }),
    lines: new FormArray<LineForm>([]),
  }, { validators: [tripValidator] });
}

export function applyPrefill(line: LineForm, prefill: LinePrefill): void {
  line.patchValue({
    ...(prefill.category ? { category: prefill.category } : {}),
    amount: prefill.amount,
    currency: prefill.currency,
    expenseDate: prefill.expenseDate,
    documentIndex: prefill.documentIndex,
    invoice: prefill.invoice,
  });
}

export function lineFromClaim(l: ClaimLine): LineForm {
  const form = lineForm(l.receiptIds);
  form.patchValue({ ...l, documentIndex: l.documentIndex ?? null, invoice: l.invoice ?? {} });
  return form;
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export function toClaimInput(form: ClaimForm): ClaimInput {
  const v = form.getRawValue();
  return {
    title: v.title.trim(),
    legalEntityId: v.legalEntityId ?? '',
    tripStart: v.tripStart || null,
    tripEnd: v.tripEnd || null,
    travellers: v.travellers,
    lines: v.lines.map((l) => ({
      category: l.category,
      amount: Number(l.amount),
      currency: l.currency.toUpperCase(),
      expenseDate: l.expenseDate ?? '',
      costCentreCode: blankToNull(l.costCentreCode) as string | null,
      description: blankToNull(l.description) as string | null,
      receiptIds: l.receiptIds,
      documentIndex: l.receiptIds.length ? l.documentIndex : null,
      invoice: Object.fromEntries(Object.entries(l.invoice).map(([k, x]) => [k, blankToNull(x)])) as unknown as InvoiceFields,
    })),
  };
}
