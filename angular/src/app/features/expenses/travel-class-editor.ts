import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { AIR_CABINS, AirCabin, TRAIN_CLASSES, TravelClassRule } from './data/expenses.models';
import { Grade } from '../organization/data/organization.models';

/** A rule being edited; `gradeCode` '' stands for "everyone else" (null on the wire). */
export interface TravelClassDraft {
  gradeCode: string;
  trainClasses: string[];
  airCabins: AirCabin[];
}

/** Seat classes are printed in Chinese (二等座 …); the server refuses anything else, so the editor does too. */
export const SEAT_CLASS = /^[\u3400-\u9fff]{1,16}$/;

export function draftOf(rule: TravelClassRule | null): TravelClassDraft {
  return { gradeCode: rule?.gradeCode ?? '', trainClasses: [...(rule?.trainClasses ?? [])], airCabins: [...(rule?.airCabins ?? [])] };
}

/** What PUT /api/expenses/policy/travel-classes receives: trimmed, no repeats, cabins in their usual order. */
export function rulePayload(draft: TravelClassDraft): TravelClassRule {
  const train = [...new Set(draft.trainClasses.map((c) => c.trim()).filter((c) => c.length > 0))];
  return {
    gradeCode: draft.gradeCode.trim() || null,
    trainClasses: train,
    airCabins: AIR_CABINS.filter((c) => draft.airCabins.includes(c)),
  };
}

/** The usual classes first, then the rule's own (a class printed otherwise, e.g. 高级动卧). */
export function offeredClasses(selected: readonly string[]): string[] {
  return [...TRAIN_CLASSES, ...selected.filter((c) => !TRAIN_CLASSES.includes(c))];
}

/** 差标 of one grade: its train seat classes (chips, the usual ones offered) and flight cabins (checkboxes). */
@Component({
  selector: 'app-travel-class-editor',
  imports: [MatButtonModule, MatCheckboxModule, MatChipsModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="editor" data-testid="travel-class-editor" (submit)="$event.preventDefault(); submit()">
      <mat-form-field class="grade">
        <mat-label>{{ 'expenses.policy.grade' | translate }}</mat-label>
        <mat-select name="gradeCode" data-testid="rule-grade" [value]="draft().gradeCode" (valueChange)="patch({ gradeCode: $event })" [disabled]="!isNew()">
          <mat-option value="">{{ 'expenses.policy.everyone' | translate }}</mat-option>
          @for (g of grades(); track g.code) {
            <mat-option [value]="g.code">{{ g.code }} · {{ g.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (taken()) {
        <p class="error" data-testid="rule-grade-taken">{{ 'expenses.policy.gradeTaken' | translate }}</p>
      }
      <h3>{{ 'expenses.policy.trainClasses' | translate }}</h3>
      <mat-chip-listbox multiple [attr.aria-label]="'expenses.policy.trainClasses' | translate" data-testid="rule-train-classes">
        @for (c of offered(); track c) {
          <mat-chip-option [value]="c" [selected]="draft().trainClasses.includes(c)" (selectionChange)="$event.isUserInput && toggleClass(c, $event.selected)" [attr.data-class]="c">{{ c }}</mat-chip-option>
        }
      </mat-chip-listbox>
      <mat-form-field class="other" subscriptSizing="dynamic">
        <mat-label>{{ 'expenses.policy.otherClass' | translate }}</mat-label>
        <input matInput #other name="otherClass" data-testid="rule-other-class" (keydown.enter)="$event.preventDefault(); addClass(other)" (blur)="addClass(other)" />
      </mat-form-field>
      @if (badClass()) {
        <p class="error" data-testid="rule-class-invalid">{{ 'expenses.policy.classInvalid' | translate }}</p>
      }
      <h3>{{ 'expenses.policy.airCabins' | translate }}</h3>
      <div class="cabins" data-testid="rule-cabins">
        @for (c of cabins; track c) {
          <mat-checkbox [checked]="draft().airCabins.includes(c)" (change)="toggleCabin(c, $event.checked)" [attr.data-cabin]="c">{{ 'expenses.policy.cabin.' + c | translate }}</mat-checkbox>
        }
      </div>
      <div class="actions">
        <button mat-button type="button" (click)="cancelled.emit()" data-testid="rule-cancel">{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy() || taken()" data-testid="rule-save">{{ 'common.save' | translate }}</button>
      </div>
    </form>
  `,
  styles: `
    .editor { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px; margin: 8px 0; }
    .grade { width: 100%; max-width: 320px; }
    .other { width: 100%; max-width: 320px; margin-top: 8px; }
    h3 { font: var(--mat-sys-title-small); margin: 8px 0 4px; }
    .cabins { display: flex; flex-wrap: wrap; gap: 0 16px; }
    .actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
    .error { color: var(--mat-sys-error); font: var(--mat-sys-body-small); margin: 0 0 4px; }
  `,
})
export class TravelClassEditor {
  /** The rule to edit, or null for a new one. */
  readonly rule = input<TravelClassRule | null>(null);
  readonly grades = input<readonly Grade[]>([]);
  /** Grades that have a rule already (a new rule cannot take them; '' = everyone else). */
  readonly takenGrades = input<readonly string[]>([]);
  readonly busy = input(false);
  readonly saved = output<TravelClassRule>();
  readonly cancelled = output<void>();

  protected readonly cabins = AIR_CABINS;
  protected readonly draft = linkedSignal(() => draftOf(this.rule()));
  protected readonly isNew = computed(() => this.rule() === null);
  protected readonly offered = computed(() => offeredClasses(this.draft().trainClasses));
  protected readonly taken = computed(() => this.isNew() && this.takenGrades().includes(this.draft().gradeCode));
  protected readonly badClass = signal(false);

  protected patch(p: Partial<TravelClassDraft>): void {
    this.draft.update((d) => ({ ...d, ...p }));
  }

  protected toggleClass(c: string, on: boolean): void {
    const rest = this.draft().trainClasses.filter((x) => x !== c);
    this.patch({ trainClasses: on ? [...rest, c] : rest });
  }

  protected addClass(input: HTMLInputElement): void {
    const c = input.value.trim();
    if (!c) return;
    if (!SEAT_CLASS.test(c)) {
      this.badClass.set(true);
      return;
    }
    this.badClass.set(false);
    if (!this.draft().trainClasses.includes(c)) this.patch({ trainClasses: [...this.draft().trainClasses, c] });
    input.value = '';
  }

  protected toggleCabin(c: AirCabin, on: boolean): void {
    const rest = this.draft().airCabins.filter((x) => x !== c);
    this.patch({ airCabins: on ? [...rest, c] : rest });
  }

  submit(): void {
    if (this.taken()) return;
    this.saved.emit(rulePayload(this.draft()));
  }
}
