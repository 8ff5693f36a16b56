import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FlowSummaryDto } from './data/approvals.models';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { ReferenceTable } from '../../shared/reference-table';
import { FLOWS } from './flows-table';

const summary = (code: string, over: Partial<FlowSummaryDto> = {}): FlowSummaryDto => ({
  id: `f-${code}`, code, name: code, priority: 10, isDefault: false, isActive: true, version: 1, updatedAt: '2026-11-24T08:00:00Z', updatedByName: null, ...over,
});

describe('the approval flows list', () => {
  it('lists the flows and switches one off (never the default)', async () => {
    TestBed.configureTestingModule({
      imports: [ReferenceTable],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ReferenceTable<FlowSummaryDto>);
    fixture.componentRef.setInput('config', FLOWS);
    await fixture.whenStable();
    backend.expectOne('/api/approvals/flows').flush([summary('BIG', { version: 3 }), summary('DEFAULT', { isDefault: true, priority: 1000 })]);
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = el.querySelectorAll('[data-testid=flow-row]');
    expect([...rows].map((r) => r.getAttribute('data-code'))).toEqual(['BIG', 'DEFAULT']);
    expect(rows[0].textContent).toContain('v3');
    expect(rows[1].querySelector('[data-testid=flow-deactivate]')).toBeNull();

    rows[0].querySelector<HTMLButtonElement>('[data-testid=flow-deactivate]')!.click();
    backend.expectOne({ method: 'POST', url: '/api/approvals/flows/f-BIG/deactivate' }).flush(summary('BIG', { isActive: false, version: 3 }));
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=flow-row]')?.getAttribute('data-active')).toBe('false');
    expect(el.querySelector('[data-testid=flow-activate]')).not.toBeNull();
  });
});
