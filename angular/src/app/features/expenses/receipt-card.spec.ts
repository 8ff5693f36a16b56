import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { BoxOverlay } from './box-overlay';
import { ReceiptCard } from './receipt-card';
import { proposedValues } from './receipt-logic';
import { receipt, sheet } from './testing';

describe('BoxOverlay', () => {
  it('draws the text boxes at the displayed size of the image once it has loaded, highlighting proposed values', async () => {
    TestBed.configureTestingModule({ imports: [BoxOverlay] });
    const fixture = TestBed.createComponent(BoxOverlay);
    const r = receipt();
    fixture.componentRef.setInput('src', '/api/expenses/receipts/r-1/content');
    fixture.componentRef.setInput('lines', r.recognition!.textLines);
    fixture.componentRef.setInput('values', proposedValues(r.proposed));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('svg')).toBeNull();

    // jsdom does no layout: give the image the sizes a browser would (1200×800 shown at 600×400).
    const img = el.querySelector('img') as HTMLImageElement;
    for (const [k, v] of Object.entries({ naturalWidth: 1200, naturalHeight: 800, clientWidth: 600, clientHeight: 400 })) {
      Object.defineProperty(img, k, { value: v, configurable: true });
    }
    img.dispatchEvent(new Event('load'));
    await fixture.whenStable();

    const svg = el.querySelector('svg[data-testid=receipt-overlay]')!;
    expect(svg.getAttribute('width')).toBe('600');
    expect(svg.getAttribute('height')).toBe('400');
    const rects = [...svg.querySelectorAll('rect')];
    expect(rects.map((b) => [b.getAttribute('x'), b.getAttribute('y'), b.getAttribute('width'), b.getAttribute('height')])).toEqual([
      ['400', '20', '150', '20'],
      ['300', '350', '200', '20'],
      ['10', '380', '40', '20'],
    ]);
    expect(rects.map((b) => b.hasAttribute('data-highlighted'))).toEqual([true, true, false]);
  });
});

describe('BoxOverlay on a sheet of several documents', () => {
  it('outlines and numbers each document at the displayed size, emphasising the active one', async () => {
    TestBed.configureTestingModule({ imports: [BoxOverlay] });
    const fixture = TestBed.createComponent(BoxOverlay);
    fixture.componentRef.setInput('src', '/api/expenses/receipts/r-sheet/content');
    fixture.componentRef.setInput('documents', sheet().recognition!.documents!);
    fixture.componentRef.setInput('activeDocument', 2);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const img = el.querySelector('img') as HTMLImageElement;
    for (const [k, v] of Object.entries({ naturalWidth: 2000, naturalHeight: 1500, clientWidth: 400, clientHeight: 300 })) {
      Object.defineProperty(img, k, { value: v, configurable: true });
    }
    img.dispatchEvent(new Event('load'));
    await fixture.whenStable();

    const docs = [...el.querySelectorAll('[data-testid=document-box]')];
    expect(docs.map((d) => d.getAttribute('data-kind'))).toEqual(['train-ticket', 'taxi', 'quota-invoice']);
    expect(docs.map((d) => d.textContent?.trim())).toEqual(['1', '2', '3']);
    const rect = (d: Element) => ['x', 'y', 'width', 'height'].map((a) => d.querySelector('rect')!.getAttribute(a));
    expect(rect(docs[1])).toEqual(['200', '12', '100', '180']);
    expect(docs.map((d) => d.hasAttribute('data-active'))).toEqual([false, false, true]);
  });
});

describe('ReceiptCard', () => {
  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ReceiptCard], providers: [provideHttpClient(), provideTestTranslations()] });
    await useLanguage('en');
  });

  it('shows an image receipt with its status and the image to outline', async () => {
    const fixture = TestBed.createComponent(ReceiptCard);
    fixture.componentRef.setInput('receipt', receipt());
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const card = el.querySelector('[data-testid=receipt-card]')!;
    expect(card.getAttribute('data-status')).toBe('Succeeded');
    expect(card.textContent).toContain('Recognised');
    expect(card.textContent).toContain('VAT invoice');
    expect(el.querySelector('img')?.getAttribute('src')).toBe('/api/expenses/receipts/r-1/content');
  });

  it('shows a PDF, OFD or XML receipt by name without an image, and progress while recognition runs', async () => {
    const fixture = TestBed.createComponent(ReceiptCard);
    fixture.componentRef.setInput('receipt', receipt({ fileName: 'dzfp.ofd', contentType: 'application/ofd', status: 'Running' }));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=receipt-card]')?.textContent).toContain('dzfp.ofd');
    expect(el.querySelector('[data-testid=receipt-status]')?.textContent).toContain('Recognising');
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    expect(el.querySelector('img')).toBeNull();
  });

  it('says recognition failed and invites typing the fields', async () => {
    const fixture = TestBed.createComponent(ReceiptCard);
    fixture.componentRef.setInput('receipt', receipt({ status: 'Failed', error: null, proposed: null, recognition: null }));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=receipt-card]')?.getAttribute('data-status')).toBe('Failed');
    expect(el.textContent).toContain('Fill in the fields by hand.');
  });
});
