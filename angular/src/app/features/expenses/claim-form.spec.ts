import { MAX_TRAVELLERS, addTraveller, applyPrefill, claimForm, lineForm, toClaimInput } from './claim-form';
import { prefillsFromReceipt } from './receipt-logic';
import { sheet } from './testing';

describe('claim form: the trip', () => {
  function withTrip(start: string | null, end: string | null) {
    const form = claimForm();
    form.patchValue({ title: 'Trip to Changsha', legalEntityId: 'le-1', tripStart: start, tripEnd: end });
    return form;
  }

  it('is optional: neither day is valid', () => {
    const form = withTrip(null, null);
    expect(form.valid).toBe(true);
    expect(toClaimInput(form)).toMatchObject({ tripStart: null, tripEnd: null, travellers: [] });
  });

  it('needs both days or neither', () => {
    expect(withTrip('2024-01-06', null).hasError('tripIncomplete')).toBe(true);
    expect(withTrip(null, '2024-01-08').hasError('tripIncomplete')).toBe(true);
    expect(withTrip('2024-01-06', null).valid).toBe(false);
  });

  it('refuses an end before the start and accepts a one-day trip', () => {
    expect(withTrip('2024-01-08', '2024-01-06').hasError('tripOrder')).toBe(true);
    expect(withTrip('2024-01-06', '2024-01-06').valid).toBe(true);
  });

  it('allows at most 366 days, as the server does', () => {
    expect(withTrip('2024-01-01', '2025-01-01').valid).toBe(true); // 2024 is a leap year: 366 days
    expect(withTrip('2024-01-01', '2025-01-02').hasError('tripTooLong')).toBe(true);
  });

  it('saves the days and travellers with the claim', () => {
    const form = withTrip('2024-01-06', '2024-01-08');
    form.controls.travellers.setValue(['李雷', '韩梅梅']);
    expect(toClaimInput(form)).toMatchObject({ tripStart: '2024-01-06', tripEnd: '2024-01-08', travellers: ['李雷', '韩梅梅'] });
  });
});

describe('claim form: travellers', () => {
  it('trims names and drops blanks and repeats', () => {
    expect(addTraveller(['李雷'], '  韩梅梅 ')).toEqual(['李雷', '韩梅梅']);
    expect(addTraveller(['李雷'], '李雷')).toEqual(['李雷']);
    expect(addTraveller(['李雷'], '   ')).toEqual(['李雷']);
  });

  it(`refuses a name longer than 64 characters or a ${MAX_TRAVELLERS + 1}st colleague`, () => {
    expect(addTraveller([], 'x'.repeat(65))).toBeNull();
    const full = Array.from({ length: MAX_TRAVELLERS }, (_, i) => `同事${i}`);
    expect(addTraveller(full, '再一位')).toBeNull();
    expect(addTraveller(full, '同事3')).toEqual(full);
  });
});

describe('claim form: lines of a sheet', () => {
  it('sends each line with its document index and the sheet attached, and no index on a line without a receipt', () => {
    const form = claimForm();
    form.patchValue({ title: 't', legalEntityId: 'le-1' });
    for (const p of prefillsFromReceipt(sheet(), ['travel', 'local-transport', 'other'])) {
      const line = lineForm(['r-sheet']);
      applyPrefill(line, p);
      form.controls.lines.push(line);
    }
    const manual = lineForm();
    manual.controls.documentIndex.setValue(3);
    form.controls.lines.push(manual);
    const lines = toClaimInput(form).lines;
    expect(lines.map((l) => l.documentIndex)).toEqual([0, 1, 2, null]);
    expect(lines.map((l) => l.receiptIds)).toEqual([['r-sheet'], ['r-sheet'], ['r-sheet'], []]);
    expect(lines.map((l) => l.amount)).toEqual([41, 35.5, 20, 0]);
    // The quota invoice's kind suggests no category: the line keeps the form's default.
    expect(lines.map((l) => l.category)).toEqual(['travel', 'local-transport', 'other', 'other']);
  });
});
