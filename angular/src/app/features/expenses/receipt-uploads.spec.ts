import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ReceiptDto } from './data/expenses.models';
import { POLL_INTERVAL_MS, ReceiptUploads, preCheck } from './receipt-uploads';
import { receipt } from './testing';

describe('ReceiptUploads', () => {
  let backend: HttpTestingController;
  let uploads: ReceiptUploads;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), ReceiptUploads] });
    backend = TestBed.inject(HttpTestingController);
    uploads = TestBed.inject(ReceiptUploads);
  });

  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  it('uploads the files as multipart "files", reports progress, then polls each receipt until it succeeds', async () => {
    const finished: ReceiptDto[] = [];
    uploads.finished.subscribe((r) => finished.push(r));
    const files = [new File(['a'], 'a.jpg', { type: 'image/jpeg' }), new File(['b'], 'b.pdf', { type: 'application/pdf' })];

    uploads.upload(files);
    const post = backend.expectOne({ method: 'POST', url: '/api/expenses/receipts' });
    const body = post.request.body as FormData;
    expect(body.getAll('files').map((f) => (f as File).name)).toEqual(['a.jpg', 'b.pdf']);
    expect(post.request.reportProgress).toBe(true);

    post.event({ type: HttpEventType.UploadProgress, loaded: 30, total: 120 });
    expect(uploads.batches()[0].progress).toBe(25);
    expect(uploads.batches()[0].done).toBe(false);

    post.flush([receipt({ id: 'r-1', status: 'Pending', proposed: null, recognition: null })], { status: 201, statusText: 'Created' });
    expect(uploads.batches()[0]).toMatchObject({ progress: 100, done: true });
    expect(uploads.receipts()['r-1'].status).toBe('Pending');

    // Nothing is asked before the first interval.
    backend.expectNone('/api/expenses/receipts/r-1');
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    backend.expectOne('/api/expenses/receipts/r-1').flush(receipt({ id: 'r-1', status: 'Running', proposed: null, recognition: null }));
    expect(uploads.receipts()['r-1'].status).toBe('Running');
    expect(finished).toEqual([]);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    backend.expectOne('/api/expenses/receipts/r-1').flush(receipt({ id: 'r-1' }));
    expect(uploads.receipts()['r-1'].status).toBe('Succeeded');
    expect(finished.map((r) => r.id)).toEqual(['r-1']);

    // Polling stops once recognition has ended.
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    backend.expectNone('/api/expenses/receipts/r-1');
  });

  it('stops polling a receipt whose recognition failed', async () => {
    uploads.track(receipt({ id: 'r-2', status: 'Running' }));
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    backend.expectOne('/api/expenses/receipts/r-2').flush(receipt({ id: 'r-2', status: 'Failed', error: 'unreadable' }));
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 2);
    backend.expectNone('/api/expenses/receipts/r-2');
    expect(uploads.receipts()['r-2'].error).toBe('unreadable');
  });

  it('keeps the failed upload visible with its error', () => {
    uploads.upload([new File(['a'], 'a.jpg')]);
    backend.expectOne('/api/expenses/receipts').flush({ code: 'Expenses.FileTooLarge' }, { status: 400, statusText: 'Bad Request' });
    expect(uploads.batches()[0].done).toBe(true);
    expect(uploads.batches()[0].error).toBeTruthy();
  });
});

describe('checks before upload', () => {
  it('refuses files over 20 MB and beyond 20 files without sending them', () => {
    const big = new File(['x'], 'big.jpg');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    const small = Array.from({ length: 21 }, (_, i) => new File(['x'], `f${i}.jpg`));
    const { accepted, rejected } = preCheck([big, ...small]);
    expect(accepted.length).toBe(20);
    expect(rejected).toEqual([
      { fileName: 'big.jpg', reason: 'expenses.upload.tooLarge' },
      { fileName: 'f20.jpg', reason: 'expenses.upload.tooMany' },
    ]);
  });
});
