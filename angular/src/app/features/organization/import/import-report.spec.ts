import { TestBed } from '@angular/core/testing';
import { ImportReport } from '../data/organization.models';
import { provideTestTranslations, text, useLanguage } from '../../../../testing/test-helpers';
import { ImportReportView } from './import-report';

const report: ImportReport = {
  created: 2,
  updated: 1,
  rejected: 2,
  rows: [
    { row: 2, employeeNo: 'E001', status: 'created', errors: [] },
    { row: 5, employeeNo: 'E004', status: 'rejected', errors: ['Unknown department code "XX".', 'Email is not valid.'] },
    { row: 3, employeeNo: 'E002', status: 'updated', errors: [] },
    { row: 4, employeeNo: '', status: 'rejected', errors: ['Employee number is required.'] },
    { row: 6, employeeNo: 'E005', status: 'created', errors: [] },
  ],
};

describe('ImportReportView', () => {
  async function render(): Promise<{ el: HTMLElement; stable: () => Promise<void> }> {
    TestBed.configureTestingModule({ imports: [ImportReportView], providers: [provideTestTranslations()] });
    await useLanguage('en');
    const fixture = TestBed.createComponent(ImportReportView);
    fixture.componentRef.setInput('report', report);
    await fixture.whenStable();
    return { el: fixture.nativeElement, stable: () => fixture.whenStable() };
  }

  it('shows the created, updated and rejected counts', async () => {
    const { el } = await render();
    expect(text(el, '[data-testid="count-created"]')).toBe('2');
    expect(text(el, '[data-testid="count-updated"]')).toBe('1');
    expect(text(el, '[data-testid="count-rejected"]')).toBe('2');
    expect(text(el, '[data-testid="import-counts"]')).toContain('rejected');
  });

  it('lists each rejected row in row order with its row number and every reason', async () => {
    const { el } = await render();
    const rows = [...el.querySelectorAll('tbody tr')] as HTMLElement[];
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.dataset['testid'] === 'import-row-rejected')).toBe(true);

    const cells = (r: HTMLElement) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim());
    expect(cells(rows[0])[0]).toBe('4');
    expect(cells(rows[0])[3]).toBe('Employee number is required.');
    expect(cells(rows[1])[0]).toBe('5');
    expect(cells(rows[1])[1]).toBe('E004');
    const reasons = [...rows[1].querySelectorAll('li')].map((li) => li.textContent?.trim());
    expect(reasons).toEqual(['Unknown department code "XX".', 'Email is not valid.']);
  });

  it('can show all rows with their outcome', async () => {
    const { el, stable } = await render();
    (el.querySelector('[data-testid="show-all"] button') as HTMLButtonElement).click();
    await stable();
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => r.querySelector('td')?.textContent?.trim());
    expect(rows).toEqual(['2', '3', '4', '5', '6']);
    expect(text(el, '[data-testid="import-row-updated"]')).toContain('Updated');
  });
});
