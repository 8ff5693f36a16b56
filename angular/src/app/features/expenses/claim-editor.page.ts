import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Observable, catchError, of, switchMap } from 'rxjs';
import { Claim, ExpenseCategory, PolicyFinding, ReceiptDto } from './data/expenses.models';
import { CostCentre, LegalEntity } from '../organization/data/organization.models';
import { ApiError } from '../../core/api/api-error';
import { ClaimsApi } from './data/claims.api';
import { CostCentresApi } from '../organization/data/cost-centres.api';
import { ReceiptsApi } from './data/receipts.api';
import { LegalEntitiesApi } from '../organization/data/legal-entities.api';
import { LanguageService } from '../../core/i18n/language.service';
import { NotifyService } from '../../shared/notify.service';
import { INVOICE_INPUTS, LineForm, applyPrefill, claimForm, lineForm, lineFromClaim, toClaimInput } from './claim-form';
import { FindingsList, justificationsFor, missingJustifications } from './findings-list';
import { ReceiptCard } from './receipt-card';
import { documentsOf, prefillFromReceipt, prefillsFromReceipt, ticketOf } from './receipt-logic';
import { ReceiptUploads, RejectedFile, preCheck } from './receipt-uploads';
import { SubmitAttempt } from './submit-attempt';
import { travelIcon, travelSummary } from './travel-summary';
import { TripFields } from './trip-fields';

const EDITABLE = ['Draft', 'Returned'];

/** New claim and edit draft: receipts in, recognised fields prefilled, policy check, submit. */
/** Refusals whose reason is a finding on a line: the findings are read again so it shows where it applies. */
export const ANSWERED_BY_FINDINGS = new Set([
  'Expenses.PolicyBlocked',
  'Expenses.JustificationRequired',
  'Expenses.DuplicateInvoice',
  'Expenses.InvoiceIdentityMismatch',
  'Expenses.InvoiceIdentityInvalid',
  'Expenses.RecognitionPending',
]);

@Component({
  selector: 'app-claim-editor-page',
  imports: [FindingsList, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, ReactiveFormsModule, ReceiptCard, RouterLink, TranslatePipe, TripFields],
  providers: [ReceiptUploads],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './claim-editor.page.html',
  styleUrl: './claim-editor.page.scss',
})
export class ClaimEditorPage implements OnInit {
  /** Route parameter; absent for a new claim. */
  readonly id = input<string>();

  private readonly claims = inject(ClaimsApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly language = inject(LanguageService);
  private readonly translate = inject(TranslateService);
  protected readonly uploads = inject(ReceiptUploads);
  private readonly attempt = new SubmitAttempt(this.claims);

  protected readonly form = claimForm();
  protected readonly invoiceInputs = INVOICE_INPUTS;
  protected readonly categories = signal<ExpenseCategory[]>([]);
  protected readonly entities = signal<LegalEntity[]>([]);
  protected readonly costCentres = signal<CostCentre[]>([]);
  protected readonly claim = signal<Claim | null>(null);
  /** Bumped whenever lines are added or removed (the form array is not a signal). */
  private readonly linesVersion = signal(0);
  /** Per line (same index as the form array): fields its receipt's recognition was unsure of. */
  protected readonly lowConfidence = computed(() => {
    this.linesVersion();
    const receipts = this.uploads.receipts();
    return this.form.controls.lines.controls.map((l) => {
      const r = receipts[l.controls.receiptIds.value[0]];
      // The confidences are the page's, i.e. the first document's.
      return r?.status === 'Succeeded' && !l.controls.documentIndex.value ? prefillFromReceipt(r).lowConfidence : [];
    });
  });
  /** Per line: the trip its ticket is for, in one line of text (empty for other documents). */
  protected readonly travel = computed(() => {
    this.linesVersion();
    this.language.language();
    const receipts = this.uploads.receipts();
    const tr = (key: string, params?: Record<string, unknown>) => this.translate.instant(key, params) as string;
    return this.form.controls.lines.controls.map((l) => {
      const t = ticketOf(receipts[l.controls.receiptIds.value[0]], l.controls.documentIndex.value);
      return t ? travelSummary(t.kind, t.travel, tr, t.travelDate) : '';
    });
  });
  /** The line whose fields have the focus: its document's box is emphasised on the shared image. */
  protected readonly activeLine = signal<number | null>(null);
  /** Receipts uploaded earlier but in no claim yet; offered until a line takes them. */
  protected readonly unattached = signal<ReceiptDto[]>([]);
  protected readonly offered = computed(() => {
    this.linesVersion();
    const used = new Set(this.form.controls.lines.controls.flatMap((l) => l.controls.receiptIds.value));
    return this.unattached().filter((r) => !used.has(r.id));
  });
  protected readonly findings = signal<PolicyFinding[]>([]);
  protected readonly justifications = signal<Record<string, string>>({});
  protected readonly showMissing = signal(false);
  protected readonly busy = signal(false);
  protected readonly loading = signal(false);
  protected readonly dragging = signal(false);
  protected readonly rejected = signal<RejectedFile[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly claimFindings = computed(() => this.findings().filter((f) => f.line === null || f.line >= this.form.controls.lines.length));

  constructor() {
    this.claims.categories().pipe(catchError(() => of([])), takeUntilDestroyed()).subscribe((c) => this.categories.set(c.filter((x) => x.isActive)));
    inject(LegalEntitiesApi)
      .list()
      .pipe(catchError(() => of([] as LegalEntity[])), takeUntilDestroyed())
      .subscribe((e) => {
        this.entities.set(e);
        if (e.length === 1 && !this.form.controls.legalEntityId.value) this.form.controls.legalEntityId.setValue(e[0].id);
      });
    inject(CostCentresApi)
      .list()
      .pipe(catchError(() => of([] as CostCentre[])), takeUntilDestroyed())
      .subscribe((c) => this.costCentres.set(c.filter((x) => x.isActive)));
    inject(ReceiptsApi)
      .unattached()
      .pipe(catchError(() => of([] as ReceiptDto[])), takeUntilDestroyed())
      .subscribe((r) => this.unattached.set(r));
    this.uploads.uploaded.pipe(takeUntilDestroyed()).subscribe((r) => this.attach(r));
    this.uploads.finished.pipe(takeUntilDestroyed()).subscribe((r) => this.recognised(r));
  }

  ngOnInit(): void {
    this.load();
  }

  protected get lines() {
    return this.form.controls.lines;
  }

  protected categoryName(c: ExpenseCategory): string {
    return this.language.language() === 'zh-CN' ? c.nameZh : c.nameEn;
  }

  protected receiptOf(line: LineForm): ReceiptDto | null {
    const id = line.controls.receiptIds.value[0];
    return id ? (this.uploads.receipts()[id] ?? null) : null;
  }

  /** A file of several documents is shown once, on the first of its lines; the others point to it. */
  protected showsCard(index: number): boolean {
    const id = this.lines.at(index).controls.receiptIds.value[0];
    return !this.lines.controls.slice(0, index).some((l) => l.controls.receiptIds.value[0] === id);
  }

  protected travelIcon(line: LineForm): string {
    const kind = ticketOf(this.receiptOf(line), line.controls.documentIndex.value)?.kind;
    return travelIcon(kind);
  }

  /** "Document 2 of 3" for a line of a file of several; null otherwise. */
  protected documentOf(line: LineForm): { n: number; of: number } | null {
    const index = line.controls.documentIndex.value;
    const docs = documentsOf(this.receiptOf(line));
    return index !== null && docs.length ? { n: index + 1, of: docs.length } : null;
  }

  /** The document to emphasise on line `index`'s card: the focused line's, when it is of the same file. */
  protected activeDocument(index: number): number | null {
    const active = this.activeLine();
    if (active === null || active >= this.lines.length) return null;
    const mine = this.lines.at(index).controls.receiptIds.value[0];
    const other = this.lines.at(active);
    return other.controls.receiptIds.value[0] === mine ? other.controls.documentIndex.value : null;
  }

  protected isLow(index: number, field: string): boolean {
    return this.lowConfidence()[index]?.includes(field) ?? false;
  }

  protected lineFindings(index: number): PolicyFinding[] {
    return this.findings().filter((f) => f.line === index);
  }

  // ---- receipts ----

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.addFiles(Array.from(event.dataTransfer?.files ?? []));
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onPick(input: HTMLInputElement): void {
    this.addFiles(Array.from(input.files ?? []));
    input.value = '';
  }

  addFiles(files: File[]): void {
    const { accepted, rejected } = preCheck(files);
    this.rejected.set(rejected);
    this.uploads.upload(accepted);
  }

  addLine(receiptIds: string[] = []): void {
    this.lines.push(lineForm(receiptIds));
    this.linesVersion.update((v) => v + 1);
  }

  protected useEarlier(receipt: ReceiptDto): void {
    this.uploads.adopt(receipt);
    this.attach(receipt);
    this.recognised(receipt);
  }

  /** A new receipt takes the first untouched empty line (the one a new claim starts with), else a new line. */
  private attach(receipt: ReceiptDto): void {
    const empty = this.lines.controls.find((l) => l.pristine && !l.controls.receiptIds.value.length && l.controls.amount.value === null);
    if (!empty) return this.addLine([receipt.id]);
    empty.controls.receiptIds.setValue([receipt.id]);
    this.linesVersion.update((v) => v + 1);
  }

  protected removeLine(index: number): void {
    this.lines.removeAt(index);
    this.linesVersion.update((v) => v + 1);
    this.findings.set([]);
  }

  /**
   * Recognition ended: fill the receipt's line unless the employee already typed into it. A file of several documents
   * (a 粘贴单) fills that line with the first document and adds one line per further document right after it.
   */
  private recognised(receipt: ReceiptDto): void {
    const index = this.lines.controls.findIndex((l) => l.controls.receiptIds.value.includes(receipt.id));
    const line = this.lines.controls[index];
    if (!line || receipt.status !== 'Succeeded' || !line.pristine || line.controls.amount.value !== null) return;
    if (this.lines.controls.filter((l) => l.controls.receiptIds.value.includes(receipt.id)).length > 1) return;
    const [first, ...more] = prefillsFromReceipt(receipt, this.categories().map((c) => c.code));
    applyPrefill(line, first);
    more.forEach((prefill, k) => {
      const added = lineForm([receipt.id]);
      applyPrefill(added, prefill);
      this.lines.insert(index + 1 + k, added);
    });
    if (more.length) this.findings.set([]);
    this.linesVersion.update((v) => v + 1);
  }

  // ---- load, save, check, submit ----

  private load(): void {
    const id = this.id();
    if (!id) {
      this.addLineIfEmpty();
      return;
    }
    this.loading.set(true);
    this.claims.get(id).subscribe({
      next: (c) => {
        this.loading.set(false);
        if (!EDITABLE.includes(c.status)) {
          this.router.navigate(['/expenses/claims', c.id], { replaceUrl: true });
          return;
        }
        this.fill(c);
        for (const l of c.lines) for (const r of l.receiptIds) this.uploads.load(r);
      },
      error: (e) => {
        this.loading.set(false);
        this.notify.error(e);
      },
    });
  }

  private addLineIfEmpty(): void {
    if (!this.lines.length) this.addLine();
  }

  private fill(c: Claim): void {
    this.claim.set(c);
    this.form.patchValue({ title: c.title, legalEntityId: c.legalEntityId, tripStart: c.tripStart ?? null, tripEnd: c.tripEnd ?? null, travellers: c.travellers ?? [] });
    this.lines.clear();
    for (const l of c.lines) this.lines.push(lineFromClaim(l));
    this.linesVersion.update((v) => v + 1);
    this.findings.set(c.findings ?? []);
    this.justifications.set(Object.fromEntries((c.findings ?? []).filter((f) => f.justification).map((f) => [`${f.rule}:${f.line ?? ''}`, f.justification as string])));
    this.form.markAsPristine();
  }

  /** Creates or updates the draft; the address becomes the edit page's so a reload keeps the work. */
  private persist(): Observable<Claim> {
    const input = toClaimInput(this.form);
    const current = this.claim();
    const call = current ? this.claims.update(current.id, input) : this.claims.create(input);
    return call.pipe(
      switchMap((c) => {
        this.claim.set(c);
        this.form.markAsPristine();
        if (!current) this.location.replaceState(`/expenses/claims/${c.id}/edit`);
        return of(c);
      }),
    );
  }

  private valid(): boolean {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.error.set('expenses.editor.invalid');
      return false;
    }
    this.error.set(null);
    return true;
  }

  saveDraft(): void {
    if (this.busy() || !this.valid()) return;
    this.busy.set(true);
    this.persist().subscribe({
      next: () => {
        this.busy.set(false);
        this.notify.success('expenses.editor.saved');
      },
      error: (e) => this.fail(e),
    });
  }

  check(): void {
    if (this.busy() || !this.valid()) return;
    this.busy.set(true);
    this.persist()
      .pipe(switchMap((c) => this.claims.check(c.id)))
      .subscribe({
        next: (f) => {
          this.busy.set(false);
          this.findings.set(f);
          if (!f.length) this.notify.success('expenses.findings.none');
        },
        error: (e) => this.fail(e),
      });
  }

  submit(): void {
    if (this.busy() || !this.valid()) return;
    if (missingJustifications(this.findings(), this.justifications()).length) {
      this.showMissing.set(true);
      return;
    }
    this.busy.set(true);
    const save = this.form.dirty || !this.claim() ? this.persist() : of(this.claim() as Claim);
    save.pipe(switchMap((c) => this.attempt.submit(c.id, justificationsFor(this.findings(), this.justifications())))).subscribe({
      next: (c) => {
        this.busy.set(false);
        this.notify.success('expenses.editor.submitted', { number: c.number });
        this.router.navigate(['/expenses/claims', c.id]);
      },
      error: (e) => {
        this.fail(e);
        const code = e instanceof ApiError ? e.code : null;
        if (code && ANSWERED_BY_FINDINGS.has(code)) {
          this.showMissing.set(true);
          const id = this.claim()?.id;
          if (id) this.claims.check(id).subscribe({ next: (f) => this.findings.set(f), error: () => undefined });
        }
      },
    });
  }

  private fail(e: unknown): void {
    this.busy.set(false);
    this.notify.error(e);
  }
}
