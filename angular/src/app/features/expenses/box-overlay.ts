import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, input, signal, viewChild } from '@angular/core';
import { TextLine } from '../../core/api/expenses.models';
import { scaleBoxes, textMatches } from './receipt-logic';

/**
 * The receipt image with the recognised text lines outlined. The SVG has the displayed size of the image and the
 * boxes are scaled from the image's pixel coordinates, so they stay on their text however wide the column is.
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
  `,
})
export class BoxOverlay {
  readonly src = input.required<string>();
  readonly alt = input('');
  readonly lines = input<readonly TextLine[]>([]);
  /** Normalised proposed values; boxes whose text carries one are highlighted. */
  readonly values = input<readonly string[]>([]);

  private readonly img = viewChild<ElementRef<HTMLImageElement>>('img');
  protected readonly natural = signal({ width: 0, height: 0 });
  protected readonly displayed = signal({ width: 0, height: 0 });
  protected readonly boxes = computed(() =>
    scaleBoxes(this.lines(), this.natural(), this.displayed(), (l) => textMatches(l, this.values())),
  );

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
