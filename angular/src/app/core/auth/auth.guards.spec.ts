import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { of, throwError } from 'rxjs';
import { user } from '../../../testing/test-helpers';
import { safeReturnUrl } from '../../features/login/login.page';
import { AccountApi } from '../api/account.api';
import { CurrentUser } from '../api/models';
import { authGuard, homeRedirectGuard, permissionGuard } from './auth.guards';
import { AuthService } from './auth.service';

describe('auth guards', () => {
  let me: ReturnType<typeof vi.fn>;

  function setUp(current: CurrentUser | null): void {
    me = vi.fn(() =>
      current ? of(current) : throwError(() => new HttpErrorResponse({ status: 401, url: '/api/organization/account/me' })),
    );
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: AccountApi, useValue: { me } }],
    });
  }

  async function run(guard: typeof authGuard, url: string): Promise<true | string> {
    const result = await TestBed.runInInjectionContext(() =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    );
    if (result === true) return true;
    expect(result).toBeInstanceOf(UrlTree);
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  it('sends an anonymous visitor to /login with the requested URL as returnUrl', async () => {
    setUp(null);
    expect(await run(authGuard, '/organization/people?search=wang')).toBe(
      '/login?returnUrl=%2Forganization%2Fpeople%3Fsearch%3Dwang',
    );
  });

  it('lets a signed-in user through and asks /me only once', async () => {
    setUp(user(['Organization.Manage']));
    expect(await run(authGuard, '/organization/people')).toBe(true);
    expect(await run(authGuard, '/organization/departments')).toBe(true);
    expect(me).toHaveBeenCalledTimes(1);
    expect(TestBed.inject(AuthService).currentUser()?.displayName).toBe('李娜');
  });

  it('sends a user without the permission to the home page', async () => {
    setUp(user(['Organization.People.Read']));
    expect(await run(permissionGuard('Organization.Manage'), '/organization/departments')).toBe('/');
    expect(await run(permissionGuard('Organization.Manage', 'Organization.People.Read'), '/organization/people')).toBe(true);
  });

  it('sends "/" to the first page the user may open', async () => {
    setUp(user([]));
    expect(await run(homeRedirectGuard, '/')).toBe('/profile');
    TestBed.resetTestingModule();
    setUp(user(['Organization.People.Read']));
    expect(await run(homeRedirectGuard, '/')).toBe('/profile');
    TestBed.resetTestingModule();
    setUp({ ...user(['Organization.Manage']), personId: null });
    expect(await run(homeRedirectGuard, '/')).toBe('/organization/people');
  });

  it('follows only same-site return URLs after login', () => {
    expect(safeReturnUrl('/organization/people?page=2')).toBe('/organization/people?page=2');
    expect(safeReturnUrl('//evil.example/x')).toBe('/');
    expect(safeReturnUrl('https://evil.example/x')).toBe('/');
    expect(safeReturnUrl('/login?returnUrl=%2F')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
