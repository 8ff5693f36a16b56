import { AccountingMapping } from './data/payments.models';

/** The mapping page's form: one account per category row (empty = the default expense account), default, payable, bank. */
export interface MappingForm {
  accounts: { category: string; account: string }[];
  defaultExpenseAccount: string;
  payableAccount: string;
  bankAccount: string;
}

/**
 * The form for a mapping: a row for every category the expenses module lists (in its order), then any category the
 * mapping already has an account for but the list no longer shows (so saving does not drop it).
 */
export function mappingToForm(mapping: AccountingMapping, categories: readonly string[]): MappingForm {
  const accounts = mapping.expenseAccounts ?? {};
  const byLower = new Map(Object.entries(accounts).map(([k, v]) => [k.toLowerCase(), v]));
  const seen = new Set(categories.map((c) => c.toLowerCase()));
  const extra = Object.keys(accounts).filter((k) => !seen.has(k.toLowerCase()));
  return {
    accounts: [...categories, ...extra].map((category) => ({ category, account: byLower.get(category.toLowerCase()) ?? '' })),
    defaultExpenseAccount: mapping.defaultExpenseAccount ?? '',
    payableAccount: mapping.payableAccount ?? '',
    bankAccount: mapping.bankAccount ?? '',
  };
}

/**
 * The PUT body: trimmed codes; a category left empty is left out (it is booked on the default expense account).
 * The per-legal-entity overrides are not edited here and go back as they came.
 */
export function formToMapping(form: MappingForm, original: Pick<AccountingMapping, 'legalEntities'> | null): AccountingMapping {
  const expenseAccounts: Record<string, string> = {};
  for (const row of form.accounts) {
    const code = row.account.trim();
    if (code) expenseAccounts[row.category] = code;
  }
  return {
    expenseAccounts,
    defaultExpenseAccount: form.defaultExpenseAccount.trim(),
    payableAccount: form.payableAccount.trim(),
    bankAccount: form.bankAccount.trim(),
    legalEntities: { ...(original?.legalEntities ?? {}) },
  };
}
