import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { NAV_ITEMS, homeLink } from '../nav/nav-items';
import { AuthService } from './auth.service';

// Every inject() happens before the first await: after it, the guard is no longer in an injection context.

/** Lets signed-in users through; everyone else goes to /login?returnUrl=<where they wanted to go>. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureLoaded();
  return user ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** For routes that need one of the given permissions; without it the user lands on the home page. */
export function permissionGuard(...anyOf: string[]): CanActivateFn {
  return async () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const user = await auth.ensureLoaded();
    if (!user) return router.createUrlTree(['/login']);
    return anyOf.some((p) => user.permissions.includes(p)) ? true : router.createUrlTree(['/']);
  };
}

/** A signed-in user who opens /login is sent on. */
export const guestGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureLoaded()) ? router.createUrlTree(['/']) : true;
};

/** "/" leads to the first page the user may open (see NAV_ITEMS). */
export const homeRedirectGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureLoaded();
  return router.parseUrl(homeLink(NAV_ITEMS, { permissions: user?.permissions ?? [], personId: user?.personId }));
};
