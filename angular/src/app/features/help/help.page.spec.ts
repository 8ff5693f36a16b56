import { TestBed } from '@angular/core/testing';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { HELP_SECTIONS, HelpPage } from './help.page';

describe('HelpPage', () => {
  async function render(lang: 'en' | 'zh-CN') {
    TestBed.configureTestingModule({ imports: [HelpPage], providers: [provideTestTranslations()] });
    await useLanguage(lang);
    const fixture = TestBed.createComponent(HelpPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  /** The body of the card whose heading is `title`. */
  function card(el: HTMLElement, title: string): string {
    const heading = [...el.querySelectorAll('mat-card h2')].find((h) => h.textContent?.trim() === title);
    return heading?.closest('mat-card')?.querySelector('mat-card-content')?.textContent?.trim() ?? '';
  }

  it('explains role grants that need a second administrator and why a deactivated person is signed out', async () => {
    const el = await render('en');
    expect(el.querySelectorAll('mat-card').length).toBe(HELP_SECTIONS.length);
    const grants = card(el, 'Role grants that need a second administrator');
    expect(grants).toContain('giving one person both Admin and Finance');
    expect(grants).toContain('Organization › Role grants');
    const sessions = card(el, 'Deactivated people are signed out');
    expect(sessions).toContain('within seconds');
    expect(sessions).toContain('the account is deactivated');
  });

  it('says the same in Chinese', async () => {
    const el = await render('zh-CN');
    expect(card(el, '需第二位管理员确认的角色授予')).toContain('另一位管理员（既非申请人，也非该人员本人）');
    expect(card(el, '停用人员会被登出')).toContain('会话会在数秒内结束');
    // no card falls back to a raw key
    expect([...el.querySelectorAll('mat-card h2')].filter((h) => h.textContent?.startsWith('help.'))).toEqual([]);
  });
});
