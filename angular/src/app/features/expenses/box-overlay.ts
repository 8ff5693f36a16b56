import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { RecognizedDocument, TextLine } from './data/expenses.models';
import { documentBoxes, scaleBoxes, textMatches } from './receipt-logic';

/**
 * The receipt image with the recognised text lines outlined. The SVG has the displayed size of the image and the
 * boxes are scaled from the image's pixel coordinates, so they stay on their text however wide the column is. A
 * sheet of several documents also has each document's box, numbered as its position in the file.
 */
@Component({
  selector: 'app-box-overlay',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="frame">
      <img #img [src]="src()" [alt]="alt()" (load)="measure()" data-testid="receipt-image" />
      @if (displayed().width) {
        <svg class="overlay" [attr.width]="displayed().width" [attr.height]="displayed().height" data-testid="receipt-overlay">
          @for (b of boxes(); track $index) {
            <rect [attr.x]="b.x" [attr.y]="b.y" [attr.width]="b.width" [attr.height]="b.height"
              [class.hit]="b.highlighted" [attr.data-highlighted]="b.highlighted || null"><title>{{ b.text }}</title></rect>
          }
          @for (d of docBoxes(); track d.index) {
            <g data-testid="document-box" [attr.data-index]="d.index" [attr.data-kind]="d.kind" [attr.data-active]="d.active || null">
              <rect class="doc" [class.active]="d.active" [attr.x]="d.x" [attr.y]="d.y" [attr.width]="d.width" [attr.height]="d.height" />
              <text class="doc-label" [class.active]="d.active" [attr.x]="d.x + 4" [attr.y]="d.y + 16">{{ d.index + 1 }}</text>
            </g>
          }
        </svg>
      }
    </div>
  `,
  styles: `
    .frame { position: relative; display: inline-block; max-width: 100%; }
    img { display: block; max-width: 100%; height: auto; }
    .overlay { position: absolute; left: 0; top: 0; pointer-events: none; }
    rect { fill: rgba(25, 118, 210, 0.06); stroke: rgba(25, 118, 210, 0.55); stroke-width: 1; }
    rect.hit { fill: rgba(255, 193, 7, 0.25); stroke: #e65100; stroke-width: 2; }
    rect.doc { fill: none; stroke: #6a1b9a; stroke-width: 2; stroke-dasharray: 6 4; }
    rect.doc.active { fill: rgba(106, 27, 154, 0.08); stroke-width: 4; stroke-dasharray: none; }
    .doc-label { font: 700 14px sans-serif; fill: #6a1b9a; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
  `,
})
export class BoxOverlay {
  readonly src = input.required<string>();
  readonly alt = input('');
  readonly lines = input<readonly TextLine[]>([]);
  /** Normalised proposed values; boxes whose text carries one are highlighted. */
  readonly values = input<readonly string[]>([]);
  /** The documents of a file of several (a 粘贴单), each outlined and numbered; `activeDocument` is emphasised. */
  readonly documents = input<readonly Pick<RecognizedDocument, 'kind' | 'box'>[]>([]);
  readonly activeDocument = input<number | null>(null);

  private readonly img = viewChild<ElementRef<HTMLImageElement>>('img');
  protected readonly natural = signal({ width: 0, height: 0 });
  protected readonly displayed = signal({ width: 0, height: 0 });
  protected readonly boxes = computed(() =>
    scaleBoxes(this.lines(), this.natural(), this.displayed(), (l) => textMatches(l, this.values())),
  );
  protected readonly docBoxes = computed(() => documentBoxes(this.documents(), this.natural(), this.displayed(), this.activeDocument()));

  constructor() {
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(() => this.measure());
      queueMicrotask(() => {
        const el = this.img()?.nativeElement;
        if (el) observer.observe(el);
      });
      inject(DestroyRef).onDestroy(() => observer.disconnect());
    }
  }

  protected measure(): void {
    const el = this.img()?.nativeElement;
    if (!el || !el.naturalWidth) return;
    this.natural.set({ width: el.naturalWidth, height: el.naturalHeight });
    this.displayed.set({ width: el.clientWidth, height: el.clientHeight });
  }
}
