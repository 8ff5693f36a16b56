import { Pipe, PipeTransform } from '@angular/core';

/** 1234.5, "CNY" → "1,234.50 CNY": always two decimals, always with the currency. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '';
  const n = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${n} ${currency}` : n;
}

@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(amount: number | null | undefined, currency?: string | null): string {
    return formatMoney(amount, currency);
  }
}
