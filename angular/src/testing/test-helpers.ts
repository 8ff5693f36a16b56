import { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { CurrentUser } from '../app/core/api/models';
import { BundledTranslationLoader } from '../app/core/i18n/translation-loader';

/** The real translation files, so tests see the texts users see. */
export function provideTestTranslations(): Provider[] {
  return provideTranslateService({ loader: provideTranslateLoader(() => new BundledTranslationLoader()), fallbackLang: 'en' });
}

export async function useLanguage(lang: 'en' | 'zh-CN'): Promise<void> {
  await firstValueFrom(TestBed.inject(TranslateService).use(lang));
}

export function user(permissions: string[], roles: string[] = ['Employee']): CurrentUser {
  return {
    userId: 'u-1',
    personId: 'p-1',
    email: 'li.na@example.com',
    displayName: '李娜',
    roles,
    permissions,
  };
}

export function text(root: HTMLElement, selector: string): string {
  return root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
