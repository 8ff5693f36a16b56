import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { ApprovalFlowsApi } from './data/approval-flows.api';
import { DefinitionErrorDto, FlowDefinition, FlowDto, StepKind, StepMode } from './data/approvals.models';
import { NotifyService } from '../../shared/notify.service';
import { ApproverEditor } from './approver-editor';
import { ConditionEditor } from './condition-editor';
import { PlacedErrors, definitionErrors, placeErrors } from './flow-errors';
import { FlowForm, StepForm, flowToForm, formToDefinition, formToRequest, moveStep, newApprover, newFlowForm, newStep } from './flow-model';
import { FlowPreview } from './flow-preview';

/** Create or revise an approval flow (each save is a new version), check it, and preview who would approve. */
@Component({
  selector: 'app-flow-editor-page',
  imports: [ApproverEditor, ConditionEditor, DatePipe, FlowPreview, FormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './flow-editor.page.html',
  styleUrl: './flow-editor.page.scss',
})
export class FlowEditorPage implements OnInit {
  /** Route parameter; absent for a new flow. */
  readonly id = input<string | undefined>();
  private readonly api = inject(ApprovalFlowsApi);
  private readonly notify = inject(NotifyService);
  private readonly router = inject(Router);

  protected readonly kinds: StepKind[] = ['approval', 'financeReview', 'notify'];
  protected readonly modes: StepMode[] = ['sequential', 'all', 'any'];
  protected readonly flow = signal<FlowDto | null>(null);
  protected readonly form = signal<FlowForm | null>(null);
  protected readonly errors = signal<PlacedErrors>({ flow: [], steps: {} });
  protected readonly checked = signal<'valid' | 'invalid' | null>(null);
  protected readonly busy = signal(false);
  /** For the preview: the draft's definition, or null (with the errors shown) when it cannot be built. */
  protected readonly buildDefinition = (): FlowDefinition | null => this.build();

  ngOnInit(): void {
    const id = this.id();
    if (!id) {
      this.form.set(newFlowForm());
      return;
    }
    this.busy.set(true);
    this.api.get(id).subscribe({
      next: (f) => this.loaded(f),
      error: (e) => {
        this.busy.set(false);
        this.notify.error(e);
      },
    });
  }

  private loaded(f: FlowDto): void {
    this.flow.set(f);
    this.form.set(flowToForm(f));
    this.busy.set(false);
  }

  protected stepErrors(index: number) {
    return this.errors().steps[index] ?? [];
  }

  protected addStep(): void {
    const f = this.form()!;
    f.steps.push(newStep(f.steps.length));
    this.clearErrors();
  }

  protected removeStep(index: number): void {
    this.form()!.steps.splice(index, 1);
    this.clearErrors();
  }

  protected move(index: number, delta: -1 | 1): void {
    if (moveStep(this.form()!.steps, index, delta)) this.clearErrors();
  }

  protected addApprover(step: StepForm): void {
    step.approvers.push(newApprover());
  }

  protected removeApprover(step: StepForm, index: number): void {
    step.approvers.splice(index, 1);
  }

  /** Error positions refer to step indexes, which adding, removing or moving steps changes. */
  private clearErrors(): void {
    this.errors.set({ flow: [], steps: {} });
    this.checked.set(null);
  }

  private show(errors: DefinitionErrorDto[]): void {
    this.errors.set(placeErrors(errors, this.form()?.steps.length ?? 0));
    this.checked.set(errors.length ? 'invalid' : 'valid');
  }

  private build(): FlowDefinition | null {
    const { definition, errors } = formToDefinition(this.form()!);
    if (errors.length) {
      this.show(errors);
      return null;
    }
    return definition;
  }

  protected async validate(): Promise<void> {
    const definition = this.build();
    if (!definition) return;
    this.busy.set(true);
    try {
      const result = await firstValueFrom(this.api.validate(definition, this.flow()?.isDefault ?? false));
      this.show(result.valid ? [] : result.errors);
    } catch (e) {
      this.notify.error(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected async save(): Promise<void> {
    const form = this.form()!;
    const definition = this.build();
    if (!definition) return;
    this.busy.set(true);
    try {
      const request = formToRequest(form, definition);
      const id = this.flow()?.id;
      const saved = await firstValueFrom(id ? this.api.update(id, request) : this.api.create(request));
      this.clearErrors();
      this.notify.success('approvals.editor.saved', { version: saved.version });
      if (id) this.loaded(saved);
      else await this.router.navigate(['/approvals/flows', saved.id]);
    } catch (e) {
      const errors = definitionErrors(e);
      if (errors) this.show(errors);
      else this.notify.error(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected previewInvalid(errors: DefinitionErrorDto[]): void {
    this.show(errors);
  }
}
