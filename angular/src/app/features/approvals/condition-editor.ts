import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { CONDITION_FIELDS, ConditionField } from './data/approvals.models';
import { ComparisonForm, ConditionForm, conditionToForm, formToCondition, newComparison, opsFor } from './flow-model';

/**
 * Edits a condition in place: none (always), a list of comparisons joined by all/any, or — for nested
 * conditions — the JSON itself. Switching between simple and JSON converts what can be converted.
 */
@Component({
  selector: 'app-condition-editor',
  imports: [FormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = condition();
    <div class="cond" data-testid="condition-editor">
      <mat-button-toggle-group #group="matButtonToggleGroup" [value]="c.mode" (change)="setMode($event.value); group.value = c.mode" [attr.aria-label]="label() | translate" hideSingleSelectionIndicator>
        <mat-button-toggle value="none">{{ 'approvals.condition.none' | translate }}</mat-button-toggle>
        <mat-button-toggle value="simple">{{ 'approvals.condition.simple' | translate }}</mat-button-toggle>
        <mat-button-toggle value="raw" data-testid="condition-raw-toggle">{{ 'approvals.condition.raw' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
      @if (notice(); as n) {
        <p class="error-text" data-testid="condition-notice">{{ 'approvals.condition.' + n | translate }}</p>
      }
      @switch (c.mode) {
        @case ('simple') {
          @if (c.comparisons.length > 1) {
            <mat-form-field class="combine">
              <mat-label>{{ 'approvals.condition.combine' | translate }}</mat-label>
              <mat-select [(ngModel)]="c.combine" name="combine">
                <mat-option value="all">{{ 'approvals.condition.all' | translate }}</mat-option>
                <mat-option value="any">{{ 'approvals.condition.any' | translate }}</mat-option>
              </mat-select>
            </mat-form-field>
          }
          @for (cmp of c.comparisons; track $index; let i = $index) {
            <div class="cmp" data-testid="comparison">
              <mat-form-field>
                <mat-label>{{ 'approvals.condition.field' | translate }}</mat-label>
                <mat-select [(ngModel)]="cmp.field" (ngModelChange)="fieldChanged(cmp)" name="field">
                  @for (f of fields; track f) {
                    <mat-option [value]="f">{{ 'approvals.condition.fields.' + f | translate }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field class="op">
                <mat-label>{{ 'approvals.condition.op' | translate }}</mat-label>
                <mat-select [(ngModel)]="cmp.op" name="op">
                  @for (o of ops(cmp.field); track o) {
                    <mat-option [value]="o">{{ 'approvals.condition.ops.' + o | translate }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <mat-form-field class="value">
                <mat-label>{{ 'approvals.condition.value' | translate }}</mat-label>
                <input matInput [(ngModel)]="cmp.value" name="value" [attr.inputmode]="cmp.field === 'amount' ? 'decimal' : null" />
                <mat-hint>{{ (cmp.field === 'amount' ? 'approvals.condition.hintAmount' : cmp.op === 'in' || cmp.op === 'notIn' ? 'approvals.condition.hintList' : 'approvals.condition.hintCode') | translate }}</mat-hint>
              </mat-form-field>
              <button mat-icon-button type="button" (click)="remove(i)" [attr.aria-label]="'approvals.condition.remove' | translate"><mat-icon>remove_circle_outline</mat-icon></button>
            </div>
          }
          <button mat-button type="button" (click)="add()" data-testid="condition-add"><mat-icon>add</mat-icon>{{ 'approvals.condition.add' | translate }}</button>
        }
        @case ('raw') {
          <mat-form-field class="full">
            <mat-label>{{ 'approvals.condition.rawLabel' | translate }}</mat-label>
            <textarea matInput class="mono" rows="6" [(ngModel)]="c.raw" name="raw" data-testid="condition-raw"></textarea>
            <mat-hint>{{ 'approvals.condition.rawHint' | translate }}</mat-hint>
          </mat-form-field>
        }
      }
    </div>
  `,
  styles: `
    .cond { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; width: 100%; }
    .cmp { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: flex-start; width: 100%; }
    .op { width: 140px; }
    .value { flex: 1 1 200px; }
  `,
})
export class ConditionEditor {
  readonly condition = input.required<ConditionForm>();
  /** Translation key naming the condition (for screen readers). */
  readonly label = input('approvals.condition.label');

  protected readonly fields = CONDITION_FIELDS;
  protected readonly ops = opsFor;
  protected readonly notice = signal<'nested' | 'invalidJson' | null>(null);

  protected setMode(mode: ConditionForm['mode']): void {
    const c = this.condition();
    if (mode === c.mode) return;
    this.notice.set(null);
    if (mode === 'raw') {
      const current = formToCondition(c, '', []);
      c.raw = current ? JSON.stringify(current, null, 2) : '';
    } else if (mode === 'simple' && c.mode === 'raw') {
      try {
        const parsed = conditionToForm(c.raw.trim() ? JSON.parse(c.raw) : null);
        if (parsed.mode === 'raw') {
          this.notice.set('nested');
          return;
        }
        c.combine = parsed.combine;
        c.comparisons = parsed.comparisons;
      } catch {
        this.notice.set('invalidJson');
        return;
      }
    }
    if (mode === 'simple' && c.comparisons.length === 0) c.comparisons = [newComparison()];
    c.mode = mode;
  }

  protected add(): void {
    this.condition().comparisons.push(newComparison());
  }

  protected remove(index: number): void {
    this.condition().comparisons.splice(index, 1);
  }

  protected fieldChanged(cmp: ComparisonForm): void {
    const allowed = opsFor(cmp.field as ConditionField);
    if (!allowed.includes(cmp.op)) cmp.op = allowed[0];
  }
}
