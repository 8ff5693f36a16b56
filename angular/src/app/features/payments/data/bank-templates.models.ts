/**
 * Bank templates (批量支付模板) Finance keeps: the C# records in ExpenseFlow.Payments.Application/Templates and the
 * profile of ExpenseFlow.Payments.Domain/BankFiles/BankTemplateProfile.cs, camelCase JSON.
 */

/** What fills a column (TemplateField in C#), in the order the editor offers them. */
export const TEMPLATE_FIELDS = [
  'Sequence',
  'PayerAccount',
  'PayerName',
  'PayerBankName',
  'PayeeAccount',
  'PayeeName',
  'PayeeBankName',
  'PayeeBankCode',
  'Amount',
  'Currency',
  'Purpose',
  'Remark',
  'EndToEndId',
  'ExecutionDate',
  'Constant',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Without these the server refuses the template (BankTemplateRules.RequiredFields). */
export const REQUIRED_TEMPLATE_FIELDS: readonly TemplateField[] = ['PayeeAccount', 'PayeeName', 'Amount'];

/** Free text the writer reduces and may cut to a maximum length (BankTemplateRules.IsFreeText). */
export const FREE_TEXT_FIELDS: readonly TemplateField[] = ['PayerName', 'PayerBankName', 'PayeeName', 'PayeeBankName', 'Purpose', 'Remark'];

/** Only these take a .NET format: amounts ("0.00", "#,##0.00") and dates ("yyyyMMdd"). */
export const FORMATTED_FIELDS: readonly TemplateField[] = ['Amount', 'ExecutionDate'];

export const TEMPLATE_ENCODINGS = ['Gb18030', 'Utf8WithBom'] as const;
export type TemplateEncoding = (typeof TEMPLATE_ENCODINGS)[number];

/** The CSV delimiters the server accepts (BankTemplateRules.Delimiters), with the key of their name. */
export const TEMPLATE_DELIMITERS: readonly { value: string; key: 'comma' | 'semicolon' | 'pipe' | 'tab' }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '|', key: 'pipe' },
  { value: '\t', key: 'tab' },
];

export interface TemplateColumn {
  header: string;
  field: TemplateField;
  format?: string | null;
  value?: string | null;
  maxLength?: number | null;
}

export interface BankTemplateProfile {
  /** Set to the template's code by the server. */
  id?: string;
  bankName: string;
  description?: string | null;
  columns: TemplateColumn[];
  csvEncoding?: TemplateEncoding;
  csvDelimiter?: string;
  sheetName?: string;
  /** Text rules (character set, lengths); the editor keeps them as they are. */
  text?: unknown;
}

export interface BankTemplateDto {
  code: string;
  name: string;
  isActive: boolean;
  profile: BankTemplateProfile;
  /** Send back with the next save; a stale one answers 409 General.ConcurrencyConflict. */
  version: number;
  /** `{code}-csv`, `{code}-xlsx`. */
  formats: string[];
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: string;
}

/** PUT /api/payments/templates/{code}: no version creates (409 Payments.TemplateCodeTaken if the code exists). */
export interface SaveBankTemplateRequest {
  name: string;
  profile: BankTemplateProfile;
  version?: number | null;
}

/** One entry of a 400 Payments.InvalidTemplate's `errors`: a path such as `profile.columns[2].field`. */
export interface TemplateProblemDto {
  path: string;
  code: string;
  message: string;
}
