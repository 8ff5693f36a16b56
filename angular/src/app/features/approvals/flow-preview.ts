import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { ApprovalFlowsApi } from './data/approval-flows.api';
import { DefinitionErrorDto, FlowDefinition, PreviewDto, PreviewRequest } from './data/approvals.models';
import { ClaimsApi } from '../expenses/data/claims.api';
import { ExpenseCategory } from '../expenses/data/expenses.models';
import { LanguageService } from '../../core/i18n/language.service';
import { NotifyService } from '../../shared/notify.service';
import { PersonPicker } from '../../shared/person-picker';
import { definitionErrors } from './flow-errors';
import { splitCodes } from './flow-model';
import { noteLabels } from './notes';

export interface PreviewInput {
  source: 'claim' | 'sample';
  claimId: string;
  submitterId: string | null;
  amount: string;
  categories: string[];
  costCentres: string;
}

/** The preview request for the draft being edited, or a message key saying what is missing. */
export function previewRequest(input: PreviewInput, definition: FlowDefinition, flowId: string | null): PreviewRequest | string {
  const base: PreviewRequest = { flowId, definition };
  if (input.source === 'claim') {
    const claimId = input.claimId.trim();
    return claimId ? { ...base, claimId } : 'approvals.preview.needClaim';
  }
  const amount = Number(input.amount);
  if (!input.submitterId || input.amount.trim() === '' || !Number.isFinite(amount)) return 'approvals.preview.needSample';
  return {
    ...base,
    sample: { submitterId: input.submitterId, amount, categories: input.categories, costCentres: splitCodes(input.costCentres) },
  };
}

/** "Who would approve this?" for the draft: an existing claim, or a sample claim typed in. */
@Component({
  selector: 'app-flow-preview',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, PersonPicker, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="preview" data-testid="flow-preview">
      <h2>{{ 'approvals.preview.title' | translate }}</h2>
      <mat-button-toggle-group [(ngModel)]="model.source" name="source" hideSingleSelectionIndicator>
        <mat-button-toggle value="sample" data-testid="preview-source-sample">{{ 'approvals.preview.sample' | translate }}</mat-button-toggle>
        <mat-button-toggle value="claim" data-testid="preview-source-claim">{{ 'approvals.preview.claim' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
      <div class="inputs">
        @if (model.source === 'claim') {
          <mat-form-field class="wide">
            <mat-label>{{ 'approvals.preview.claimId' | translate }}</mat-label>
            <input matInput [(ngModel)]="model.claimId" name="claimId" class="mono" />
          </mat-form-field>
        } @else {
          <div class="wide"><app-person-picker [control]="submitter" label="approvals.preview.submitter" name="submitterId" [required]="true" /></div>
          <mat-form-field>
            <mat-label>{{ 'approvals.preview.amount' | translate }}</mat-label>
            <input matInput inputmode="decimal" [(ngModel)]="model.amount" name="amount" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'approvals.preview.categories' | translate }}</mat-label>
            <mat-select multiple [(ngModel)]="model.categories" name="categories">
              @for (c of categories(); track c.code) {
                <mat-option [value]="c.code">{{ categoryName(c) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'approvals.preview.costCentres' | translate }}</mat-label>
            <input matInput [(ngModel)]="model.costCentres" name="costCentres" />
            <mat-hint>{{ 'approvals.condition.hintList' | translate }}</mat-hint>
          </mat-form-field>
        }
        <button mat-stroked-button type="button" (click)="run()" [disabled]="busy()" data-testid="preview-run"><mat-icon>play_arrow</mat-icon>{{ 'approvals.preview.run' | translate }}</button>
      </div>
      @if (problem(); as p) {
        <p class="error-text" data-testid="preview-problem">{{ p | translate }}</p>
      }
      @if (result(); as r) {
        <ol class="result">
          @for (s of r.steps; track s.key) {
            <li data-testid="preview-step" [attr.data-key]="s.key" [attr.data-applies]="s.applies" [class.skipped]="!s.applies">
              <div>
                <strong>{{ s.name }}</strong>
                <span class="tag">{{ 'approvals.kind.' + s.kind | translate }}</span>
                @if (s.kind !== 'notify') {
                  <span class="tag">{{ 'approvals.mode.' + s.mode | translate }}</span>
                }
                <span class="applies">{{ (s.applies ? 'approvals.preview.applies' : 'approvals.preview.skipped') | translate }}</span>
                @for (n of notes(s.note); track n.raw) {
                  <span class="note">{{ n.key ? (n.key | translate: n.params) : n.raw }}</span>
                }
              </div>
              @if (s.approvers.length) {
                <ul>
                  @for (a of s.approvers; track a.personId) {
                    <li data-testid="preview-approver">
                      {{ a.name }}
                      @for (n of notes(a.note); track n.raw) {
                        <span class="note" [attr.data-note]="n.raw">{{ n.key ? (n.key | translate: n.params) : n.raw }}</span>
                      }
                    </li>
                  }
                </ul>
              }
            </li>
          }
        </ol>
      }
    </section>
  `,
  styles: `
    .preview { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin: 16px 0; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .inputs { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-start; margin-top: 12px; }
    .wide { flex: 1 1 280px; }
    .result li { margin: 4px 0; }
    .skipped { color: var(--mat-sys-on-surface-variant); text-decoration: line-through; }
    .applies { font: var(--mat-sys-label-medium); margin-left: 4px; }
    .note { font: var(--mat-sys-label-small); padding: 0 6px; margin-left: 4px; border-radius: 10px; background: #ede7f6; color: #4527a0; }
  `,
})
export class FlowPreview {
  private readonly api = inject(ApprovalFlowsApi);
  private readonly notify = inject(NotifyService);
  private readonly language = inject(LanguageService);

  /** Builds the draft definition; null when it cannot be built (the editor shows why). */
  readonly definition = input.required<() => FlowDefinition | null>();
  readonly flowId = input<string | null>(null);
  /** The server found the draft invalid: the editor places these errors. */
  readonly invalid = output<DefinitionErrorDto[]>();

  protected readonly model: PreviewInput = { source: 'sample', claimId: '', submitterId: null, amount: '', categories: [], costCentres: '' };
  protected readonly submitter = new FormControl<string | null>(null);
  protected readonly categories = signal<ExpenseCategory[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly result = signal<PreviewDto | null>(null);
  protected readonly notes = noteLabels;

  constructor() {
    inject(ClaimsApi).categories().subscribe({ next: (c) => this.categories.set(c.filter((x) => x.isActive)), error: () => undefined });
  }

  protected categoryName(c: ExpenseCategory): string {
    return this.language.language() === 'zh-CN' ? c.nameZh : c.nameEn;
  }

  protected run(): void {
    const definition = this.definition()();
    if (!definition) return;
    const request = previewRequest({ ...this.model, submitterId: this.submitter.value }, definition, this.flowId());
    if (typeof request === 'string') {
      this.problem.set(request);
      return;
    }
    this.problem.set(null);
    this.busy.set(true);
    this.api.preview(request).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.result.set(r);
      },
      error: (e) => {
        this.busy.set(false);
        this.result.set(null);
        const errors = definitionErrors(e);
        if (errors) {
          this.problem.set('approvals.editor.invalid');
          this.invalid.emit(errors);
        } else {
          this.notify.error(e);
        }
      },
    });
  }
}
