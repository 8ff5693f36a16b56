import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { provideTestTranslations } from '../../../testing/test-helpers';
import { ApiError } from '../api/api-error';
import { LanguageService } from '../i18n/language.service';
import { acceptLanguageInterceptor } from './accept-language.interceptor';
import { errorInterceptor } from './error.interceptor';

@Component({ template: '' })
class Blank {}

describe('HTTP interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN']);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor, errorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: Blank },
          { path: 'organization/people', component: Blank },
        ]),
        provideTestTranslations(),
      ],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    vi.restoreAllMocks();
  });

  async function failWith(url: string, status: number, body: string | object): Promise<ApiError> {
    const call = firstValueFrom(http.get(url));
    backend.expectOne(url).flush(body, { status, statusText: 'x', headers: { 'Content-Type': 'application/problem+json' } });
    try {
      await call;
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    }
    throw new Error('the call should have failed');
  }

  it('sends Accept-Language matching the UI language, and follows a switch', async () => {
    const first = firstValueFrom(http.get('/api/organization/grades'));
    const firstReq = backend.expectOne('/api/organization/grades');
    expect(firstReq.request.headers.get('Accept-Language')).toBe('zh-CN');
    firstReq.flush([]);
    await first;

    await TestBed.inject(LanguageService).use('en');
    const second = firstValueFrom(http.get('/api/organization/grades'));
    const req = backend.expectOne('/api/organization/grades');
    expect(req.request.headers.get('Accept-Language')).toBe('en');
    req.flush([]);
    await second;
  });

  it('turns ProblemDetails into an ApiError whose message is the server detail', async () => {
    const error = await failWith('/api/organization/legal-entities', 400, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: '统一社会信用代码无效',
      status: 400,
      detail: '统一社会信用代码的校验位不正确。',
      code: 'Organization.InvalidTaxId',
      errors: { TaxId: ['校验位应为 X。'], 'address.Line1': ['太长。'] },
    });

    expect(error.status).toBe(400);
    expect(error.userMessage).toBe('统一社会信用代码的校验位不正确。');
    expect(error.code).toBe('Organization.InvalidTaxId');
    expect(error.fieldErrors).toEqual({ taxId: ['校验位应为 X。'], line1: ['太长。'] });
  });

  it('falls back to the ProblemDetails title when there is no detail', async () => {
    const error = await failWith('/api/organization/people/1', 423, {
      title: 'Account locked',
      status: 423,
      code: 'Organization.LockedOut',
    });
    expect(error.userMessage).toBe('Account locked');
    expect(error.code).toBe('Organization.LockedOut');
  });

  it('gives a localised generic message when the body is not ProblemDetails', async () => {
    const error = await failWith('/api/organization/grades', 502, '<html>Bad gateway</html>');
    expect(error.userMessage).toBe('服务器未能完成请求（HTTP 502）。');
    expect(error.code).toBeNull();
  });

  it('sends the user to /login keeping where they were when the session has expired', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/organization/people?page=3');

    await failWith('/api/organization/people', 401, { title: 'Unauthorized', status: 401 });
    await vi.waitFor(() => expect(router.url).toBe('/login?returnUrl=%2Forganization%2Fpeople%3Fpage%3D3'));
  });

  it('does not redirect when the login itself is refused', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/organization/people');
    const navigate = vi.spyOn(router, 'navigate');

    const error = await failWith('/api/organization/account/login', 401, {
      title: 'Sign-in failed',
      detail: '邮箱或密码不正确。',
      code: 'Organization.InvalidCredentials',
    });

    expect(error.userMessage).toBe('邮箱或密码不正确。');
    expect(navigate).not.toHaveBeenCalled();
  });
});
