import { AbstractControl, FormGroup } from '@angular/forms';
import { ApiError } from '../core/api/api-error';

/**
 * Puts the server's validation messages on the matching form controls (shown by <mat-error>) and returns the
 * message for the form as a whole: the ProblemDetails detail plus any messages no control could take.
 */
export function applyServerErrors(form: FormGroup, error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
      control.markAsTouched();
    } else {
      unplaced.push(...messages);
    }
  }
  return [error.userMessage, ...unplaced.filter((m) => m !== error.userMessage)].join(' ');
}

export function serverError(control: AbstractControl | null): string | null {
  const value = control?.errors?.['server'];
  return typeof value === 'string' ? value : null;
}
