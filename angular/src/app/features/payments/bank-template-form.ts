import { ApiError } from '../../core/api/api-error';
import {
  BankTemplateDto,
  FORMATTED_FIELDS,
  FREE_TEXT_FIELDS,
  REQUIRED_TEMPLATE_FIELDS,
  SaveBankTemplateRequest,
  TEMPLATE_DELIMITERS,
  TemplateEncoding,
  TemplateField,
  TemplateProblemDto,
} from './data/bank-templates.models';

/** One row of the column table; every input is text so a half-typed value never breaks the form. */
export interface ColumnForm {
  header: string;
  field: TemplateField;
  /** Amount / ExecutionDate only. */
  format: string;
  /** Constant only. */
  value: string;
  /** Free text only; null = no limit of the template's own. */
  maxLength: number | null;
}

export interface TemplateForm {
  code: string;
  name: string;
  bankName: string;
  description: string;
  csvEncoding: TemplateEncoding;
  csvDelimiter: string;
  sheetName: string;
  columns: ColumnForm[];
  /** Settings the editor does not show (text rules), sent back unchanged. */
  text?: unknown;
}

export const takesFormat = (field: TemplateField): boolean => FORMATTED_FIELDS.includes(field);
export const isFreeText = (field: TemplateField): boolean => FREE_TEXT_FIELDS.includes(field);

/** A suggested format when a column becomes an amount or a date, so the bank gets cents and a full date. */
export function defaultFormat(field: TemplateField): string {
  return field === 'Amount' ? '0.00' : field === 'ExecutionDate' ? 'yyyyMMdd' : '';
}

export function newColumn(field: TemplateField = 'Remark', header = ''): ColumnForm {
  return { header, field, format: defaultFormat(field), value: '', maxLength: null };
}

/** A new template starts with what every bank needs; Finance renames the headers to the bank's and adds the rest. */
export function newTemplateForm(): TemplateForm {
  return {
    code: '',
    name: '',
    bankName: '',
    description: '',
    csvEncoding: 'Gb18030',
    csvDelimiter: ',',
    sheetName: 'Sheet1',
    columns: [
      newColumn('PayerAccount', '付款账号'),
      newColumn('PayeeAccount', '收款账号'),
      newColumn('PayeeName', '收款户名'),
      newColumn('PayeeBankName', '收款行名'),
      newColumn('PayeeBankCode', '收款行联行号'),
      newColumn('Amount', '金额'),
      newColumn('Purpose', '用途'),
      newColumn('Remark', '备注'),
    ],
  };
}

export function templateToForm(t: BankTemplateDto): TemplateForm {
  const p = t.profile;
  return {
    code: t.code,
    name: t.name,
    bankName: p.bankName ?? '',
    description: p.description ?? '',
    csvEncoding: p.csvEncoding ?? 'Gb18030',
    csvDelimiter: p.csvDelimiter ?? ',',
    sheetName: p.sheetName ?? 'Sheet1',
    columns: (p.columns ?? []).map((c) => ({
      header: c.header ?? '',
      field: c.field,
      format: c.format ?? '',
      value: c.value ?? '',
      maxLength: c.maxLength ?? null,
    })),
    text: p.text,
  };
}

/**
 * The PUT body. Settings a column's field does not take are left out (a format only for amounts and dates, a value only
 * for constants, a length only for free text), so switching a column's field never sends a stale setting.
 */
export function formToRequest(form: TemplateForm, version: number | null): SaveBankTemplateRequest {
  const columns = form.columns.map((c) => {
    const column: SaveBankTemplateRequest['profile']['columns'][number] = { header: c.header.trim(), field: c.field };
    if (takesFormat(c.field) && c.format.trim()) column.format = c.format.trim();
    if (c.field === 'Constant') column.value = c.value;
    if (isFreeText(c.field) && c.maxLength !== null && c.maxLength !== undefined && String(c.maxLength) !== '') column.maxLength = Number(c.maxLength);
    return column;
  });
  const profile: SaveBankTemplateRequest['profile'] = {
    bankName: form.bankName.trim(),
    columns,
    csvEncoding: form.csvEncoding,
    csvDelimiter: form.csvDelimiter,
    sheetName: form.sheetName.trim(),
  };
  if (form.description.trim()) profile.description = form.description.trim();
  if (form.text !== undefined && form.text !== null) profile.text = form.text;
  return version === null ? { name: form.name.trim(), profile } : { name: form.name.trim(), profile, version };
}

/** The fields every bank needs that no column carries yet. */
export function missingFields(columns: readonly ColumnForm[]): TemplateField[] {
  return REQUIRED_TEMPLATE_FIELDS.filter((f) => !columns.some((c) => c.field === f));
}

export function moveColumn(columns: ColumnForm[], index: number, delta: -1 | 1): boolean {
  const to = index + delta;
  if (to < 0 || to >= columns.length) return false;
  [columns[index], columns[to]] = [columns[to], columns[index]];
  return true;
}

/** The header row as the CSV will start, to see the layout at a glance (a tab shown as →). */
export function headerPreview(form: TemplateForm): string {
  const shown = form.csvDelimiter === '\t' ? ' → ' : form.csvDelimiter;
  return form.columns.map((c) => c.header.trim()).join(shown);
}

/** The key of a delimiter's name (comma, semicolon, pipe, tab), or null for one the editor does not offer. */
export function delimiterKey(value: string): string | null {
  return TEMPLATE_DELIMITERS.find((d) => d.value === value)?.key ?? null;
}

export interface PlacedTemplateErrors {
  /** About the template as a whole: code, name, bank, file settings, the column list. */
  general: TemplateProblemDto[];
  /** About one column, by its index. */
  columns: Record<number, TemplateProblemDto[]>;
}

const COLUMN_PATH = /^profile\.columns\[(\d+)\]/;

export function placeTemplateErrors(errors: readonly TemplateProblemDto[], columnCount: number): PlacedTemplateErrors {
  const placed: PlacedTemplateErrors = { general: [], columns: {} };
  for (const e of errors) {
    const m = COLUMN_PATH.exec(e.path);
    const index = m ? Number(m[1]) : -1;
    if (m && index < columnCount) (placed.columns[index] ??= []).push(e);
    else placed.general.push(e);
  }
  return placed;
}

/** The problems of a refused save (400 Payments.InvalidTemplate), or null for any other failure. */
export function templateErrors(error: unknown): TemplateProblemDto[] | null {
  if (!(error instanceof ApiError) || error.code !== 'Payments.InvalidTemplate') return null;
  const list = (error.problem as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [{ path: '', code: 'InvalidTemplate', message: error.userMessage }];
  return list
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({ path: String(e['path'] ?? ''), code: String(e['code'] ?? ''), message: String(e['message'] ?? '') }));
}
