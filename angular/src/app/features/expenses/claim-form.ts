import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { ClaimInput, ClaimLine, InvoiceFields, INVOICE_FIELD_NAMES } from '../../core/api/expenses.models';
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
  invoice: InvoiceForm;
}>;

export type ClaimForm = FormGroup<{
  title: FormControl<string>;
  legalEntityId: FormControl<string | null>;
  lines: FormArray<LineForm>;
}>;

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
    invoice: invoiceForm(),
  });
}

export function claimForm(): ClaimForm {
  return new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    legalEntityId: new FormControl<string | null>(null, [Validators.required]),
    lines: new FormArray<LineForm>([]),
  });
}

export function applyPrefill(line: LineForm, prefill: LinePrefill): void {
  line.patchValue({
    category: prefill.category,
    amount: prefill.amount,
    currency: prefill.currency,
    expenseDate: prefill.expenseDate,
    invoice: prefill.invoice,
  });
}

export function lineFromClaim(l: ClaimLine): LineForm {
  const form = lineForm(l.receiptIds);
  form.patchValue({ ...l, invoice: l.invoice ?? {} });
  return form;
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export function toClaimInput(form: ClaimForm): ClaimInput {
  const v = form.getRawValue();
  return {
    title: v.title.trim(),
    legalEntityId: v.legalEntityId ?? '',
    lines: v.lines.map((l) => ({
      category: l.category,
      amount: Number(l.amount),
      currency: l.currency.toUpperCase(),
      expenseDate: l.expenseDate ?? '',
      costCentreCode: blankToNull(l.costCentreCode) as string | null,
      description: blankToNull(l.description) as string | null,
      receiptIds: l.receiptIds,
      invoice: Object.fromEntries(Object.entries(l.invoice).map(([k, x]) => [k, blankToNull(x)])) as unknown as InvoiceFields,
    })),
  };
}
