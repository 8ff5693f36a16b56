import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { authGuard, guestGuard, permissionGuard } from './core/auth/auth.guards';
import { AuthService } from './core/auth/auth.service';
import { Shell } from './core/layout/shell';
import { NAV_ITEMS, PERMISSIONS, homeLink } from './core/nav/nav-items';

const homeRedirect: CanActivateFn = async () => {
  const user = await inject(AuthService).ensureLoaded();
  return inject(Router).parseUrl(homeLink(NAV_ITEMS, user?.permissions ?? []));
};

// One lazy route per module; expenses, approvals, payments and insights join here as they are built.
export const routes: Routes = [
  { path: 'login', canActivate: [guestGuard], loadComponent: () => import('./features/login/login.page').then((m) => m.LoginPage) },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirect], children: [] },
      { path: 'help', loadComponent: () => import('./features/help/help.page').then((m) => m.HelpPage) },
      {
        path: 'organization',
        canActivate: [permissionGuard(PERMISSIONS.organizationManage, PERMISSIONS.peopleRead)],
        loadChildren: () => import('./features/organization/organization.routes').then((m) => m.ORGANIZATION_ROUTES),
      },
      { path: '**', redirectTo: '' },
    ],
  },
];
