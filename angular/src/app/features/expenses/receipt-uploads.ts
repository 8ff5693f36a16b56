import { HttpEventType } from '@angular/common/http';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { Observable, Subject, retry, switchMap, takeUntil, takeWhile, tap, timer } from 'rxjs';
import { ReceiptDto } from './data/expenses.models';
import { MAX_RECEIPT_BYTES, MAX_RECEIPT_FILES, ReceiptsApi } from './data/receipts.api';
import { isFinal } from './receipt-logic';

export const POLL_INTERVAL_MS = 1500;

export interface UploadBatch {
  id: number;
  fileNames: string[];
  /** 0–100. */
  progress: number;
  done: boolean;
  error: unknown;
}

/** A file the portal refuses before uploading, with the translation key saying why. */
export interface RejectedFile {
  fileName: string;
  reason: 'expenses.upload.tooLarge' | 'expenses.upload.tooMany';
}

export function preCheck(files: readonly File[]): { accepted: File[]; rejected: RejectedFile[] } {
  const accepted: File[] = [];
  const rejected: RejectedFile[] = [];
  for (const f of files) {
    if (f.size > MAX_RECEIPT_BYTES) rejected.push({ fileName: f.name, reason: 'expenses.upload.tooLarge' });
    else if (accepted.length >= MAX_RECEIPT_FILES) rejected.push({ fileName: f.name, reason: 'expenses.upload.tooMany' });
    else accepted.push(f);
  }
  return { accepted, rejected };
}

/**
 * The receipts of one page: uploads with progress, then recognition followed by polling each receipt until it
 * succeeds or fails. Provided by the page, so leaving the page stops the polling.
 */
@Injectable()
export class ReceiptUploads {
  private readonly api = inject(ReceiptsApi);
  private readonly stop = new Subject<void>();
  private nextBatch = 1;

  readonly batches = signal<UploadBatch[]>([]);
  /** Every receipt known to the page, by id, as last read from the server. */
  readonly receipts = signal<Record<string, ReceiptDto>>({});
  /** Receipts created by an upload (once per receipt). */
  readonly uploaded = new Subject<ReceiptDto>();
  /** Receipts whose recognition just ended (Succeeded or Failed). */
  readonly finished = new Subject<ReceiptDto>();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stop.next();
      this.stop.complete();
    });
  }

  upload(files: readonly File[]): void {
    if (!files.length) return;
    const batch: UploadBatch = { id: this.nextBatch++, fileNames: files.map((f) => f.name), progress: 0, done: false, error: null };
    this.batches.update((b) => [...b, batch]);
    const patch = (p: Partial<UploadBatch>) =>
      this.batches.update((all) => all.map((b) => (b.id === batch.id ? { ...b, ...p } : b)));
    this.api
      .upload(files)
      .pipe(takeUntil(this.stop))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            patch({ progress: event.total ? Math.round((100 * event.loaded) / event.total) : 0 });
          } else if (event.type === HttpEventType.Response) {
            patch({ progress: 100, done: true });
            for (const r of event.body ?? []) {
              this.remember(r);
              this.uploaded.next(r);
              this.track(r);
            }
          }
        },
        error: (error) => patch({ error, done: true }),
      });
  }

  dismiss(batchId: number): void {
    this.batches.update((all) => all.filter((b) => b.id !== batchId));
  }

  /** Reads a receipt (e.g. of a saved draft) and keeps polling it if recognition is still going. */
  load(id: string): void {
    this.api
      .get(id)
      .pipe(takeUntil(this.stop))
      .subscribe({ next: (r) => (this.remember(r), this.track(r)), error: () => undefined });
  }

  /** Takes a receipt read elsewhere (e.g. the list of unattached ones) into the page, polling it if still running. */
  adopt(receipt: ReceiptDto): void {
    this.remember(receipt);
    this.track(receipt);
  }

  /** Polls until recognition ends; the first read happens one interval after the receipt was seen. */
  track(receipt: ReceiptDto): void {
    if (isFinal(receipt)) return;
    this.poll(receipt.id).subscribe((r) => {
      this.remember(r);
      if (isFinal(r)) this.finished.next(r);
    });
  }

  private poll(id: string): Observable<ReceiptDto> {
    return timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS).pipe(
      switchMap(() => this.api.get(id)),
      retry({ count: 5, delay: POLL_INTERVAL_MS }),
      takeWhile((r) => !isFinal(r), true),
      takeUntil(this.stop),
      tap({ error: () => undefined }),
    );
  }

  private remember(r: ReceiptDto): void {
    this.receipts.update((all) => ({ ...all, [r.id]: r }));
  }
}
