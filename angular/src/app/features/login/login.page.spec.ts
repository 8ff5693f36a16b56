import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage, user } from '../../../testing/test-helpers';
import { LoginPage } from './login.page';

@Component({ template: '<h1>people</h1>' })
class Target {}

describe('LoginPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'login', component: LoginPage },
            { path: 'organization/people', component: Target },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideTestTranslations(),
      ],
    });
    await useLanguage('zh-CN');
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/login?returnUrl=%2Forganization%2Fpeople');
  });

  function fill(name: string, value: string): void {
    const input = harness.routeNativeElement!.querySelector(`input[name=${name}]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    (harness.routeNativeElement!.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
  }

  it('shows the server message when the credentials are refused', async () => {
    fill('email', 'li.na@example.com');
    fill('password', 'wrong');
    await submit();
    const req = backend.expectOne('/api/organization/account/login');
    expect(req.request.body).toEqual({ email: 'li.na@example.com', password: 'wrong' });
    req.flush(
      { title: '登录失败', detail: '邮箱或密码不正确。', code: 'Organization.InvalidCredentials', status: 401 },
      { status: 401, statusText: 'Unauthorized' },
    );
    await vi.waitFor(() => expect(text(harness.routeNativeElement!, '[data-testid="login-error"]')).toBe('邮箱或密码不正确。'));
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Forganization%2Fpeople');
  });

  // The server's own words, not a generic "wrong password": each answer tells the person what to do next.
  it.each([
    [403, 'Organization.AccountDeactivated', '该账户已停用，请联系管理员重新启用。'],
    [429, 'Organization.TooManyAttempts', '此网络地址登录失败次数过多，请稍后再试。'],
    [423, 'Organization.LockedOut', '登录失败次数过多，账户已被暂时锁定。'],
  ])('shows the server detail for %i %s and stays on the login page', async (status, code, detail) => {
    fill('email', 'li.na@example.com');
    fill('password', 'Secret-123X');
    await submit();
    backend.expectOne('/api/organization/account/login').flush({ title: 'refused', status, code, detail }, { status, statusText: 'Refused' });
    await vi.waitFor(() => expect(text(harness.routeNativeElement!, '[data-testid="login-error"]')).toBe(detail));
    expect(harness.routeNativeElement!.querySelector('[data-testid="login-error"]')?.getAttribute('role')).toBe('alert');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Forganization%2Fpeople');
    expect((harness.routeNativeElement!.querySelector('button[type=submit]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('goes to the returnUrl after a successful login', async () => {
    fill('email', 'li.na@example.com');
    fill('password', 'Secret-123X');
    await submit();
    backend.expectOne('/api/organization/account/login').flush(user(['Organization.People.Read']));
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/organization/people'));
  });

  it('does not call the server with an empty form', async () => {
    await submit();
    backend.expectNone('/api/organization/account/login');
    expect(harness.routeNativeElement!.querySelectorAll('mat-error').length).toBe(2);
  });
});
