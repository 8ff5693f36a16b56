import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PolicyFinding } from './data/expenses.models';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { FindingsList, justificationsFor, missingJustifications } from './findings-list';

const findings: PolicyFinding[] = [
  { rule: 'CategoryLimitPerItem', severity: 'Warn', line: 0, message: 'Meals above 200.00 CNY per item.', justification: null },
  { rule: 'DuplicateInvoice', severity: 'Block', line: 0, message: 'Invoice 12345678 was already claimed.', justification: null },
];

@Component({
  imports: [FindingsList],
  template: `<app-findings-list [findings]="findings" [(justifications)]="texts" [showMissing]="showMissing()" />`,
})
class Host {
  findings = findings;
  texts = signal<Record<string, string>>({});
  showMissing = signal(false);
}

describe('FindingsList', () => {
  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideTestTranslations()] });
    await useLanguage('en');
  });

  it('shows each finding with its message; only warnings ask for a required justification', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const items = el.querySelectorAll('[data-testid=finding]');
    expect(items.length).toBe(2);
    expect(items[0].getAttribute('data-severity')).toBe('Warn');
    expect(items[0].textContent).toContain('Meals above 200.00 CNY per item.');
    expect(items[1].getAttribute('data-rule')).toBe('DuplicateInvoice');
    expect(items[1].textContent).toContain('Blocked');
    const areas = el.querySelectorAll('textarea[data-testid=justification]');
    expect(areas.length).toBe(1);
    expect((areas[0] as HTMLTextAreaElement).required).toBe(true);
    expect(items[1].querySelector('textarea')).toBeNull();
  });

  it('flags a missing justification, and the typed text clears it and reaches the submit body', async () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.showMissing.set(true);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=justification-missing]')?.textContent).toContain('Write why');
    expect(missingJustifications(findings, fixture.componentInstance.texts()).map((f) => f.rule)).toEqual(['CategoryLimitPerItem']);

    const area = el.querySelector('textarea') as HTMLTextAreaElement;
    area.value = 'Dinner with the client';
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();

    expect(el.querySelector('[data-testid=justification-missing]')).toBeNull();
    const texts = fixture.componentInstance.texts();
    expect(missingJustifications(findings, texts)).toEqual([]);
    expect(justificationsFor(findings, texts)).toEqual([{ rule: 'CategoryLimitPerItem', line: 0, text: 'Dinner with the client' }]);
  });

  it('treats blank text as missing', () => {
    expect(missingJustifications(findings, { 'CategoryLimitPerItem:0': '   ' }).length).toBe(1);
  });
});
