import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { ClaimForm, MAX_TRAVELLERS, addTraveller } from './claim-form';

/**
 * The trip a claim is for (optional): its first and last day and the colleagues travelling along, whose tickets the
 * claim may carry. The travel policy checks tickets against them.
 */
@Component({
  selector: 'app-trip-fields',
  imports: [MatChipsModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="trip" [formGroup]="form()" data-testid="claim-trip">
      <legend>{{ 'expenses.trip.title' | translate }}</legend>
      <div class="row">
        <mat-form-field class="date">
          <mat-label>{{ 'expenses.trip.start' | translate }}</mat-label>
          <input matInput type="date" name="tripStart" formControlName="tripStart" data-testid="trip-start" />
        </mat-form-field>
        <mat-form-field class="date">
          <mat-label>{{ 'expenses.trip.end' | translate }}</mat-label>
          <input matInput type="date" name="tripEnd" formControlName="tripEnd" data-testid="trip-end" [min]="form().controls.tripStart.value ?? ''" />
        </mat-form-field>
        <mat-form-field class="people">
          <mat-label>{{ 'expenses.trip.travellers' | translate }}</mat-label>
          <mat-chip-grid #grid [attr.aria-label]="'expenses.trip.travellers' | translate" data-testid="trip-travellers">
            @for (name of form().controls.travellers.value; track name) {
              <mat-chip-row (removed)="remove(name)" data-testid="traveller-chip">
                {{ name }}
                <button matChipRemove type="button" [attr.aria-label]="'common.delete' | translate"><mat-icon>cancel</mat-icon></button>
              </mat-chip-row>
            }
            <input name="traveller" data-testid="traveller-input" [placeholder]="'expenses.trip.addTraveller' | translate"
              [matChipInputFor]="grid" [matChipInputAddOnBlur]="true" (matChipInputTokenEnd)="add($event)" />
          </mat-chip-grid>
          <mat-hint>{{ 'expenses.trip.travellersHint' | translate }}</mat-hint>
        </mat-form-field>
      </div>
      @if (tripError(); as key) {
        <p class="error" role="alert" data-testid="trip-error" [attr.data-error]="key">{{ 'expenses.trip.' + key | translate }}</p>
      }
      @if (refused()) {
        <p class="error" role="alert" data-testid="traveller-error">{{ 'expenses.trip.travellersInvalid' | translate: { max: max } }}</p>
      }
    </fieldset>
  `,
  styles: `
    .trip { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 8px 12px; margin: 0 0 12px; min-width: 0; }
    legend { padding: 0 4px; font: var(--mat-sys-title-small); }
    .row { display: flex; flex-wrap: wrap; gap: 0 12px; }
    .date { flex: 0 1 180px; min-width: 150px; }
    .people { flex: 1 1 300px; min-width: 0; }
    .error { color: var(--mat-sys-error); margin: 0 0 4px; font: var(--mat-sys-body-small); }
  `,
})
export class TripFields {
  readonly form = input.required<ClaimForm>();
  /** Show the trip's error even before a day was touched (the employee tried to save). */
  readonly showErrors = input(false);
  protected readonly refused = signal(false);
  protected readonly max = MAX_TRAVELLERS;

  /** The form's trip error, shown once a day was touched (or the form was submitted). */
  protected tripError(): string | null {
    const f = this.form();
    if (!this.showErrors() && !f.controls.tripStart.touched && !f.controls.tripEnd.touched) return null;
    return ['tripIncomplete', 'tripOrder', 'tripTooLong'].find((k) => f.hasError(k)) ?? null;
  }

  protected add(event: MatChipInputEvent): void {
    const control = this.form().controls.travellers;
    const next = addTraveller(control.value, event.value);
    this.refused.set(next === null);
    if (!next) return;
    if (next.length !== control.value.length) {
      control.setValue(next);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected remove(name: string): void {
    const control = this.form().controls.travellers;
    control.setValue(control.value.filter((n) => n !== name));
    control.markAsDirty();
    this.refused.set(false);
  }
}
