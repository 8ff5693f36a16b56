import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { PolicySettings, TravelClassRule } from './data/expenses.models';
import { PolicyPage, withRule } from './policy.page';
import { offeredClasses, rulePayload } from './travel-class-editor';

const settings: PolicySettings = {
  baseCurrency: 'CNY', buyerCheck: 'Block', invoiceDateWindow: 'Warn', invoiceMaxAgeDays: 365, categoryLimits: 'Warn',
  receiptRequired: 'Block', receiptRequiredAbove: 200, travelPolicy: 'Warn',
};
const rules: TravelClassRule[] = [
  { gradeCode: null, trainClasses: ['二等座', '硬座', '硬卧', '软座', '无座'], airCabins: ['economy'] },
  { gradeCode: 'G4', trainClasses: ['一等座', '二等座'], airCabins: ['economy', 'premium-economy'] },
];
const grades = [
  { code: 'G5', name: 'Director', rank: 5 },
  { code: 'G3', name: 'Senior', rank: 3 },
  { code: 'G4', name: 'Manager', rank: 4 },
];

describe('travel-class rule payload', () => {
  it('sends the grade (null for everyone else), trimmed classes without repeats and cabins in their usual order', () => {
    expect(rulePayload({ gradeCode: '', trainClasses: [' 二等座', '二等座', '', '硬卧'], airCabins: ['business', 'economy'] })).toEqual({
      gradeCode: null, trainClasses: ['二等座', '硬卧'], airCabins: ['economy', 'business'],
    });
    expect(rulePayload({ gradeCode: 'G5', trainClasses: [], airCabins: [] })).toEqual({ gradeCode: 'G5', trainClasses: [], airCabins: [] });
  });

  it("offers the usual classes and keeps a rule's own class", () => {
    expect(offeredClasses(['高级动卧']).slice(0, 3)).toEqual(['二等座', '一等座', '商务座']);
    expect(offeredClasses(['高级动卧', '二等座']).filter((c) => c === '二等座')).toHaveLength(1);
    expect(offeredClasses(['高级动卧']).at(-1)).toBe('高级动卧');
  });

  it('puts a saved rule in place of the old one, everyone-else first', () => {
    const next = withRule(rules, { gradeCode: 'G3', trainClasses: ['二等座'], airCabins: [] });
    expect(next.map((r) => r.gradeCode)).toEqual([null, 'G3', 'G4']);
    expect(withRule(next, { gradeCode: null, trainClasses: [], airCabins: [] })).toHaveLength(3);
  });
});

describe('PolicyPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PolicyPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open() {
    const fixture = TestBed.createComponent(PolicyPage);
    await fixture.whenStable();
    backend.expectOne('/api/expenses/policy/settings').flush(settings);
    backend.expectOne('/api/expenses/policy/travel-classes').flush(rules);
    backend.expectOne('/api/organization/grades').flush(grades);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('shows the travel policy severity with the other switches and saves a change', async () => {
    const { fixture, el } = await open();
    const switches = [...el.querySelectorAll('[data-testid=policy-switch]')];
    expect(switches.map((s) => s.getAttribute('data-rule'))).toEqual(['buyerCheck', 'invoiceDateWindow', 'categoryLimits', 'receiptRequired', 'travelPolicy']);
    const travel = switches[4];
    expect(travel.textContent).toContain('Travel policy');
    (travel.querySelector('[data-severity=Block] button') as HTMLButtonElement).click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=policy-save]')!.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/expenses/policy/settings' });
    expect(put.request.body).toEqual({ ...settings, travelPolicy: 'Block' });
    put.flush({ ...settings, travelPolicy: 'Block' });
  });

  it("lists each grade's classes and cabins, everyone else by name", async () => {
    const { el } = await open();
    const rows = [...el.querySelectorAll('[data-testid=travel-class-rule]')];
    expect(rows.map((r) => r.getAttribute('data-grade'))).toEqual(['', 'G4']);
    expect(text(rows[0] as HTMLElement, '.grade')).toBe('Everyone else');
    expect(text(rows[1] as HTMLElement, '[data-testid=rule-train]')).toBe('一等座 / 二等座');
    expect(text(rows[1] as HTMLElement, '[data-testid=rule-air]')).toBe('Economy / Premium economy');
  });

  it("edits a grade's train classes (chips) and cabins (checkboxes) and saves that grade's rule", async () => {
    const { fixture, el } = await open();
    (el.querySelectorAll('[data-testid=rule-edit]')[1] as HTMLButtonElement).click();
    await fixture.whenStable();
    const editor = el.querySelector('[data-testid=travel-class-editor]') as HTMLElement;
    const chip = (c: string) => editor.querySelector(`mat-chip-option[data-class="${c}"] button, mat-chip-option[data-class="${c}"] [role=option]`) as HTMLElement;
    chip('商务座').click(); // add
    chip('一等座').click(); // remove
    const other = editor.querySelector('input[name=otherClass]') as HTMLInputElement;
    other.value = '高级动卧';
    other.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    (editor.querySelector('[data-cabin=business] input') as HTMLInputElement).click();
    (editor.querySelector('[data-cabin=premium-economy] input') as HTMLInputElement).click();
    await fixture.whenStable();
    editor.querySelector<HTMLButtonElement>('[data-testid=rule-save]')!.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/expenses/policy/travel-classes' });
    expect(put.request.body).toEqual({ gradeCode: 'G4', trainClasses: ['二等座', '商务座', '高级动卧'], airCabins: ['economy', 'business'] });
    put.flush(put.request.body);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=travel-class-editor]')).toBeNull();
    expect(text(el.querySelectorAll('[data-testid=travel-class-rule]')[1] as HTMLElement, '[data-testid=rule-train]')).toBe('二等座 / 商务座 / 高级动卧');
  });

  it('refuses a class not written in Chinese before asking the server', async () => {
    const { fixture, el } = await open();
    el.querySelector<HTMLButtonElement>('[data-testid=rule-add]')!.click();
    await fixture.whenStable();
    const other = el.querySelector('input[name=otherClass]') as HTMLInputElement;
    other.value = 'first class';
    other.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=rule-class-invalid]')).not.toBeNull();
    // A new rule for "everyone else" would replace the existing one: the editor says so and does not save.
    expect(el.querySelector('[data-testid=rule-grade-taken]')).not.toBeNull();
    expect(el.querySelector<HTMLButtonElement>('[data-testid=rule-save]')!.disabled).toBe(true);
  });
});
