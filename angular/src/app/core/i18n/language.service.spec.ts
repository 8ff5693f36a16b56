import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { LangSwitch } from '../../shared/lang-switch';
import { provideTestTranslations } from '../../../testing/test-helpers';
import { LANGUAGE_STORAGE_KEY, LanguageService, languageFromBrowser } from './language.service';

describe('LanguageService', () => {
  let browserLanguages: string[];

  beforeEach(() => {
    localStorage.clear();
    browserLanguages = ['zh-CN', 'zh', 'en'];
    vi.spyOn(navigator, 'languages', 'get').mockImplementation(() => browserLanguages);
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
  });

  afterEach(() => vi.restoreAllMocks());

  it('starts in Chinese when nothing is stored and the browser prefers Chinese', async () => {
    const service = TestBed.inject(LanguageService);
    await service.init();

    expect(service.language()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(TestBed.inject(TranslateService).instant('nav.people')).toBe('人员');
  });

  it('starts in English for an English browser', async () => {
    browserLanguages = ['en-GB', 'en'];
    const service = TestBed.inject(LanguageService);
    await service.init();

    expect(service.language()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(TestBed.inject(TranslateService).instant('nav.people')).toBe('People');
  });

  it('prefers the stored choice over the browser language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const service = TestBed.inject(LanguageService);
    await service.init();

    expect(service.language()).toBe('en');
  });

  it('ignores a stored value that is not a supported language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    const service = TestBed.inject(LanguageService);
    await service.init();

    expect(service.language()).toBe('zh-CN');
  });

  it('toggles between zh-CN and en, remembers the choice and sets <html lang>', async () => {
    const service = TestBed.inject(LanguageService);
    await service.init();

    await service.toggle();
    expect(service.language()).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(TestBed.inject(TranslateService).instant('auth.login')).toBe('Sign in');

    await service.toggle();
    expect(service.language()).toBe('zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('does not store anything until the user chooses', async () => {
    await TestBed.inject(LanguageService).init();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('maps browser language lists to a UI language', () => {
    expect(languageFromBrowser(['zh-TW'])).toBe('zh-CN');
    expect(languageFromBrowser(['de-DE', 'zh-CN'])).toBe('zh-CN');
    expect(languageFromBrowser(['en-US', 'zh-CN'])).toBe('en');
    expect(languageFromBrowser(['de-DE'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });
});

describe('LangSwitch', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    TestBed.configureTestingModule({ imports: [LangSwitch], providers: [provideTestTranslations()] });
  });

  afterEach(() => vi.restoreAllMocks());

  it('toggles the language when clicked, and a reload keeps the choice', async () => {
    const service = TestBed.inject(LanguageService);
    await service.init();
    const fixture = TestBed.createComponent(LangSwitch);
    await fixture.whenStable();
    const button = fixture.nativeElement.querySelector('[data-testid="lang-switch"]') as HTMLButtonElement;
    expect(button.textContent).toContain('English');

    button.click();
    await fixture.whenStable();
    await vi.waitFor(() => expect(service.language()).toBe('en'));
    await fixture.whenStable();
    expect(button.textContent).toContain('中文');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    // A fresh start (as after a page reload) picks the stored choice despite the Chinese browser.
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideTestTranslations()] });
    const reloaded = TestBed.inject(LanguageService);
    await reloaded.init();
    expect(reloaded.language()).toBe('en');
  });
});
