import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageService } from '../i18n/language.service';

/** The server localises ProblemDetails from Accept-Language, so every request carries the UI language. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (req, next) => {
  const lang = inject(LanguageService).language();
  return next(req.clone({ setHeaders: { 'Accept-Language': lang } }));
};
