import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { provideTestTranslations } from '../../../testing/test-helpers';
import { LanguageService } from './language.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';

@Component({ template: '' })
class Blank {}

describe('TranslatedTitleStrategy', () => {
  it('titles the tab with the page name in the UI language and follows a switch', async () => {
    localStorage.setItem('expenseflow.lang', 'zh-CN');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'people', title: 'nav.people', component: Blank }]),
        { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
        provideTestTranslations(),
      ],
    });
    const language = TestBed.inject(LanguageService);
    await language.init();
    await TestBed.inject(Router).navigateByUrl('/people');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('人员 · ExpenseFlow 报销');

    await language.use('en');
    expect(title.getTitle()).toBe('People · ExpenseFlow');
    localStorage.clear();
  });
});
