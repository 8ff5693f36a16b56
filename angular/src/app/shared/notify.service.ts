import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import { ApiError } from '../core/api/api-error';

@Injectable({ providedIn: 'root' })
export class NotifyService {
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  success(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.translate.instant(key, params), undefined, { duration: 3000 });
  }

  /** Shows the server's localised message (ProblemDetails.detail) for a failed call. */
  error(error: unknown): void {
    this.snackBar.open(errorMessage(error, this.translate.instant('errors.unknown')), '✕', { duration: 8000 });
  }
}

export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.userMessage;
  return fallback;
}
