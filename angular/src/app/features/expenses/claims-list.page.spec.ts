import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { claimsQueryParams } from './data/claims.api';
import { ClaimListItem } from './data/expenses.models';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { ClaimsListPage, toClaimSort } from './claims-list.page';

const row = (n: number, status: ClaimListItem['status']): ClaimListItem => ({
  id: `c-${n}`, number: `EXP-2026-00${n}`, title: `Trip ${n}`, status, totalInBase: 1234.5, baseCurrency: 'CNY', lineCount: 2,
  createdAt: '2026-11-20T08:00:00Z', submittedAt: null, updatedAt: '2026-11-20T08:00:00Z',
});

describe('claims list query', () => {
  it('puts filters, paging and sort into the query string', () => {
    const p = claimsQueryParams({ page: 2, pageSize: 50, status: ['Draft', 'Submitted'], from: '2026-11-01', to: '2026-11-30', search: 'Shanghai', sort: '-total' });
    expect(p.toString()).toBe('page=2&pageSize=50&status=Draft,Submitted&from=2026-11-01&to=2026-11-30&search=Shanghai&sort=-total');
  });

  it('leaves out empty filters', () => {
    expect(claimsQueryParams({ page: 1, pageSize: 20, status: [], search: '' }).toString()).toBe('page=1&pageSize=20');
  });

  it('maps table sorting to the sorts the server knows', () => {
    expect(toClaimSort({ active: 'createdAt', direction: 'asc' })).toBe('createdAt');
    expect(toClaimSort({ active: 'createdAt', direction: 'desc' })).toBe('-createdAt');
    expect(toClaimSort({ active: 'total', direction: 'desc' })).toBe('-total');
    expect(toClaimSort({ active: 'submittedAt', direction: 'desc' })).toBe('-submittedAt');
    expect(toClaimSort({ active: 'submittedAt', direction: 'asc' })).toBeUndefined();
    expect(toClaimSort({ active: 'title', direction: 'asc' })).toBeUndefined();
  });
});

describe('ClaimsListPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    TestBed.configureTestingModule({
      imports: [ClaimsListPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => vi.useRealTimers());

  it('loads the first page newest first and shows rows with status chips and money', async () => {
    const fixture = TestBed.createComponent(ClaimsListPage);
    await fixture.whenStable();
    const req = backend.expectOne((r) => r.url === '/api/expenses/claims');
    expect(req.request.params.toString()).toBe('page=1&pageSize=20&sort=-createdAt');
    req.flush({ items: [row(1, 'Draft'), row(2, 'Paid')], totalCount: 42 });
    await fixture.whenStable();

    const el = fixture.nativeElement as HTMLElement;
    const rows = el.querySelectorAll('[data-testid=claims-table] tr[data-testid=claim-row]');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('EXP-2026-001');
    expect(rows[0].textContent).toContain('1,234.50 CNY');
    const chips = [...el.querySelectorAll('[data-testid=status-chip]')].map((c) => c.getAttribute('data-status'));
    expect(chips).toEqual(['Draft', 'Paid']);
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent).toContain('42');
  });

  it('searches from page 1 after typing stops, and opens a claim on row click', async () => {
    const fixture = TestBed.createComponent(ClaimsListPage);
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/expenses/claims').flush({ items: [], totalCount: 0 });

    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('input[name=search]') as HTMLInputElement;
    input.value = '上海';
    input.dispatchEvent(new Event('input'));
    const from = el.querySelector('input[name=from]') as HTMLInputElement;
    from.value = '2026-11-01';
    from.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(400);
    await fixture.whenStable();

    const reqs = backend.match((r) => r.url === '/api/expenses/claims');
    const last = reqs[reqs.length - 1];
    expect(last.request.params.get('search')).toBe('上海');
    expect(last.request.params.get('from')).toBe('2026-11-01');
    expect(last.request.params.get('page')).toBe('1');
    last.flush({ items: [row(3, 'Returned')], totalCount: 1 });
    await fixture.whenStable();

    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (el.querySelector('tr[data-testid=claim-row]') as HTMLElement).click();
    expect(navigate).toHaveBeenCalledWith(['/expenses/claims', 'c-3']);
  });
});
