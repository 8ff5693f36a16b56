import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Observable, from } from 'rxjs';

/**
 * Translations are bundled as lazy chunks rather than fetched from /i18n, so the portal needs no extra
 * static-file route on the host and unit tests need no HTTP stubs.
 */
export class BundledTranslationLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    const load =
      lang === 'zh-CN'
        ? import('../../../i18n/zh-CN.json').then((m) => m.default)
        : import('../../../i18n/en.json').then((m) => m.default);
    return from(load as Promise<TranslationObject>);
  }
}
