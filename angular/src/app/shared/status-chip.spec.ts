import { TestBed } from '@angular/core/testing';
import { CLAIM_STATUSES } from '../features/expenses/data/expenses.models';
import { provideTestTranslations, useLanguage } from '../../testing/test-helpers';
import { STATUS_COLOURS, StatusChip, StatusKind, statusColour } from './status-chip';

async function render(status: string, kind?: StatusKind, testId?: string): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(StatusChip);
  fixture.componentRef.setInput('status', status);
  if (kind) fixture.componentRef.setInput('kind', kind);
  if (testId) fixture.componentRef.setInput('testId', testId);
  await fixture.whenStable();
  return (fixture.nativeElement as HTMLElement).querySelector('span')!;
}

describe('status chips', () => {
  beforeEach(() => TestBed.configureTestingModule({ imports: [StatusChip], providers: [provideTestTranslations()] }));

  it('give every claim status its own colour', () => {
    const colours = CLAIM_STATUSES.map((s) => STATUS_COLOURS[s]);
    expect(colours.every(Boolean)).toBe(true);
    expect(new Set(colours).size).toBe(CLAIM_STATUSES.length);
    expect(statusColour('Paid')).toBe('green');
    expect(statusColour('Rejected')).toBe('red');
    expect(statusColour('SomethingNew')).toBe('grey');
  });

  it('render the translated status with its colour class and data-status', async () => {
    await useLanguage('zh-CN');
    const chip = await render('InApproval');
    expect(chip.textContent?.trim()).toBe('审批中');
    expect(chip.getAttribute('data-status')).toBe('InApproval');
    expect(chip.getAttribute('data-testid')).toBe('status-chip');
    expect(chip.classList).toContain('status-chip');
    expect(chip.classList).toContain('chip-indigo');
  });

  it.each([
    ['en', { InApproval: 'In approval', Approved: 'Approved', Returned: 'Returned', Rejected: 'Rejected' }],
    ['zh-CN', { InApproval: '审批中', Approved: '已批准', Returned: '已退回', Rejected: '已驳回' }],
  ] as const)('translate the approval outcomes in %s', async (lang, expected) => {
    await useLanguage(lang);
    for (const [status, label] of Object.entries(expected)) {
      expect((await render(status)).textContent?.trim()).toBe(label);
    }
  });

  // The payments statuses share the chip: each kind reads its own texts, and one word can mean two colours.
  it.each([
    ['payable', 'Closed', 'Closed (not to be paid)', '已关闭（不付款）', 'chip-brown'],
    ['batch', 'Closed', 'Closed', '已结清', 'chip-green'],
    ['line', 'Returned', 'Returned', '退票', 'chip-red'],
    ['match', 'ProbableReturn', 'Possible return', '疑似退票', 'chip-amber'],
    ['payable', 'InBatch', 'In batch', '已入批次', 'chip-indigo'],
  ] as const)('show a %s %s with its own text and colour', async (kind, status, en, zh, colour) => {
    await useLanguage('en');
    const chip = await render(status, kind, 'batch-status');
    expect(chip.textContent?.trim()).toBe(en);
    expect(chip.classList).toContain(colour);
    expect(chip.getAttribute('data-testid')).toBe('batch-status');
    await useLanguage('zh-CN');
    expect((await render(status, kind)).textContent?.trim()).toBe(zh);
  });

  it('tell a claim Returned (amber) from a returned batch line (red)', () => {
    expect(statusColour('Returned', 'claim')).toBe('amber');
    expect(statusColour('Returned', 'line')).toBe('red');
    expect(statusColour('Unknown', 'match')).toBe('grey');
  });
});
