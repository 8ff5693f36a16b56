import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { routes } from './app.routes';
import { acceptLanguageInterceptor } from './core/http/accept-language.interceptor';
import { errorInterceptor } from './core/http/error.interceptor';
import { LanguageService } from './core/i18n/language.service';
import { TranslatedPaginatorIntl } from './core/i18n/paginator-intl';
import { TranslatedTitleStrategy } from './core/i18n/translated-title.strategy';
import { BundledTranslationLoader } from './core/i18n/translation-loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([acceptLanguageInterceptor, errorInterceptor])),
    // A factory, not the class: ngx-translate tells classes from factories by their source text, which
    // minification changes ("class{" without a space), and would then call the class without `new`.
    provideTranslateService({ loader: provideTranslateLoader(() => new BundledTranslationLoader()), fallbackLang: 'en' }),
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline' } },
    provideAppInitializer(() => {
      // Icons come from the self-hosted Material Symbols font (styles.scss), never from a CDN.
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
      return inject(LanguageService).init();
    }),
  ],
};
