import { TestBed } from '@angular/core/testing';
import { CLAIM_STATUSES } from '../../core/api/expenses.models';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { STATUS_COLOURS, StatusChip, statusColour } from './status-chip';

describe('status chips', () => {
  it('give every status its own colour', () => {
    const colours = CLAIM_STATUSES.map((s) => STATUS_COLOURS[s]);
    expect(colours.every(Boolean)).toBe(true);
    expect(new Set(colours).size).toBe(CLAIM_STATUSES.length);
    expect(statusColour('Paid')).toBe('green');
    expect(statusColour('Rejected')).toBe('red');
    expect(statusColour('SomethingNew')).toBe('grey');
  });

  it('render the translated status with its colour class and data-status', async () => {
    TestBed.configureTestingModule({ imports: [StatusChip], providers: [provideTestTranslations()] });
    await useLanguage('zh-CN');
    const fixture = TestBed.createComponent(StatusChip);
    fixture.componentRef.setInput('status', 'InApproval');
    await fixture.whenStable();
    const chip = (fixture.nativeElement as HTMLElement).querySelector('[data-testid=status-chip]')!;
    expect(chip.textContent?.trim()).toBe('审批中');
    expect(chip.getAttribute('data-status')).toBe('InApproval');
    expect(chip.classList).toContain('chip-indigo');
  });

  it.each([
    ['en', { InApproval: 'In approval', Approved: 'Approved', Returned: 'Returned', Rejected: 'Rejected' }],
    ['zh-CN', { InApproval: '审批中', Approved: '已批准', Returned: '已退回', Rejected: '已驳回' }],
  ] as const)('translate the approval outcomes in %s', async (lang, expected) => {
    TestBed.configureTestingModule({ imports: [StatusChip], providers: [provideTestTranslations()] });
    await useLanguage(lang);
    for (const [status, label] of Object.entries(expected)) {
      const fixture = TestBed.createComponent(StatusChip);
      fixture.componentRef.setInput('status', status);
      await fixture.whenStable();
      expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid=status-chip]')?.textContent?.trim()).toBe(label);
      fixture.destroy();
    }
  });
});
