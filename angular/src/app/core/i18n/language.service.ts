import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'expenseflow.lang';

function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks zh-CN for any Chinese browser language, else English. */
export function languageFromBrowser(browserLanguages: readonly string[]): UiLanguage {
  for (const l of browserLanguages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The UI language: chosen once at start, switchable at runtime, remembered in localStorage. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<UiLanguage>('en');

  /** The language in use; also what the API is asked to answer in (Accept-Language). */
  readonly language = this.current.asReadonly();

  /** Call once at start-up: stored choice, else the browser's language. */
  init(): Promise<void> {
    return this.apply(this.initialLanguage(), false);
  }

  use(lang: UiLanguage): Promise<void> {
    return this.apply(lang, true);
  }

  toggle(): Promise<void> {
    return this.use(this.current() === 'zh-CN' ? 'en' : 'zh-CN');
  }

  private initialLanguage(): UiLanguage {
    const stored = this.readStored();
    if (stored) return stored;
    const nav = this.document.defaultView?.navigator;
    const langs = nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
    return languageFromBrowser(langs);
  }

  private async apply(lang: UiLanguage, remember: boolean): Promise<void> {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    if (remember) {
      try {
        this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
      } catch {
        // Storage may be disabled (private mode); the choice then lasts for this page only.
      }
    }
    await new Promise<void>((resolve) =>
      this.translate.use(lang).subscribe({ complete: resolve, error: () => resolve() }),
    );
  }

  private readStored(): UiLanguage | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isUiLanguage(value) ? value : null;
    } catch {
      return null;
    }
  }
}
