import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { PERMISSIONS } from '../../core/nav/nav-items';

const manage = permissionGuard(PERMISSIONS.organizationManage);

export const ORGANIZATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'people' },
  { path: 'people', loadComponent: () => import('./people/people.page').then((m) => m.PeoplePage) },
  { path: 'departments', canActivate: [manage], loadComponent: () => import('./departments/departments.page').then((m) => m.DepartmentsPage) },
  { path: 'legal-entities', canActivate: [manage], loadComponent: () => import('./legal-entities/legal-entities.page').then((m) => m.LegalEntitiesPage) },
  { path: 'grades', canActivate: [manage], loadComponent: () => import('./grades/grades.page').then((m) => m.GradesPage) },
  { path: 'cost-centres', canActivate: [manage], loadComponent: () => import('./cost-centres/cost-centres.page').then((m) => m.CostCentresPage) },
  { path: 'delegations', canActivate: [manage], loadComponent: () => import('./delegations/delegations.page').then((m) => m.DelegationsPage) },
  { path: 'import', canActivate: [manage], loadComponent: () => import('./import/people-import.page').then((m) => m.PeopleImportPage) },
];
