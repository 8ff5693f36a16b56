import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { ReceiptDto } from './data/expenses.models';
import { ReceiptsApi } from './data/receipts.api';
import { BoxOverlay } from './box-overlay';
import { documentsOf, isFinal, isImage, proposedValues } from './receipt-logic';

const STATUS_ICONS: Record<string, string> = { Pending: 'hourglass_empty', Running: 'document_scanner', Succeeded: 'check_circle', Failed: 'error' };

/** One receipt: its recognition status, and the image with the recognised text (and a sheet's documents) outlined (images only). */
@Component({
  selector: 'app-receipt-card',
  imports: [BoxOverlay, MatIconModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="receipt-card" data-testid="receipt-card" [attr.data-status]="receipt().status" [attr.data-receipt-id]="receipt().id">
      <div class="head">
        <mat-icon [class]="'st-' + receipt().status">{{ icon() }}</mat-icon>
        <a class="name" [href]="contentUrl()" target="_blank" rel="noopener">{{ receipt().fileName }}</a>
        <span class="status" data-testid="receipt-status">{{ 'expenses.recognition.' + receipt().status | translate }}</span>
      </div>
      @if (!final()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (receipt().status === 'Failed') {
        <p class="error">{{ receipt().error || ('expenses.recognition.failedHint' | translate) }}</p>
      }
      @if (documents().length) {
        <p class="muted" data-testid="receipt-documents">{{ 'expenses.recognition.documents' | translate: { n: documents().length } }}
          @for (d of documents(); track $index) {
            <span class="doc-chip" [class.active]="$index === activeDocument()">{{ $index + 1 }} {{ 'expenses.documentKind.' + d.kind | translate }}</span>
          }
        </p>
      } @else if (receipt().documentKind) {
        <p class="muted">{{ 'expenses.documentKind.' + receipt().documentKind | translate }}</p>
      }
      @for (w of receipt().recognition?.warnings ?? []; track $index) {
        <p class="warning"><mat-icon inline>warning</mat-icon> {{ w }}</p>
      }
      @if (image()) {
        <app-box-overlay [src]="contentUrl()" [alt]="receipt().fileName" [lines]="receipt().recognition?.textLines ?? []" [values]="values()"
          [documents]="documents()" [activeDocument]="activeDocument()" />
      }
    </div>
  `,
  styles: `
    .receipt-card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px; }
    .head { display: flex; align-items: center; gap: 8px; }
    .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .st-Succeeded { color: #2e7d32; } .st-Failed { color: #c62828; } .st-Running { color: #1565c0; }
    .error { color: var(--mat-sys-error); }
    .warning { color: #8a5a00; font: var(--mat-sys-body-small); }
    .muted { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); margin: 4px 0; }
    .doc-chip { display: inline-block; margin: 2px 4px 0 0; padding: 0 6px; border: 1px solid #6a1b9a; border-radius: 10px; color: #6a1b9a; }
    .doc-chip.active { background: #6a1b9a; color: #fff; }
  `,
})
export class ReceiptCard {
  private readonly api = inject(ReceiptsApi);
  readonly receipt = input.required<ReceiptDto>();
  /** The document of a file of several whose line has the focus. */
  readonly activeDocument = input<number | null>(null);

  protected readonly final = computed(() => isFinal(this.receipt()));
  protected readonly image = computed(() => isImage(this.receipt()));
  protected readonly icon = computed(() => STATUS_ICONS[this.receipt().status] ?? 'description');
  protected readonly contentUrl = computed(() => this.api.contentUrl(this.receipt().id));
  protected readonly documents = computed(() => documentsOf(this.receipt()));
  /** Every document's values are worth finding on the image, not only the first one's. */
  protected readonly values = computed(() => {
    const docs = this.documents();
    return docs.length ? docs.flatMap((d) => proposedValues(d.proposed)) : proposedValues(this.receipt().proposed);
  });
}
