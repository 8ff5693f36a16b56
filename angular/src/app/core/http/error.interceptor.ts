import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { catchError, throwError } from 'rxjs';
import { toApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';

// A 401 from these means "wrong password" or "not signed in yet", not "session expired".
const AUTH_PROBES = ['/api/organization/account/login', '/api/organization/account/me'];

/**
 * Turns every failed API call into an ApiError carrying the server's localised message, and sends the user to
 * /login (keeping where they were) when the session has expired.
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  const translate = inject(TranslateService);

  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);

      if (error.status === 401 && !AUTH_PROBES.some((p) => req.url.startsWith(p))) {
        auth.clear();
        const current = router.url;
        if (!current.startsWith('/login')) {
          void router.navigate(['/login'], { queryParams: { returnUrl: current } });
        }
      }

      const fallback =
        error.status === 0
          ? translate.instant('errors.network')
          : translate.instant('errors.unexpected', { status: error.status });
      return throwError(() => toApiError(error.status, error.error, fallback));
    }),
  );
};
