import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { PERMISSIONS } from '../../core/nav/nav-items';

const manage = permissionGuard(PERMISSIONS.organizationManage);

export const ORGANIZATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'people' },
  { path: 'people', title: 'nav.people', loadComponent: () => import('./people/people.page').then((m) => m.PeoplePage) },
  { path: 'role-grants', title: 'nav.roleGrants', canActivate: [manage], loadComponent: () => import('./role-grants/role-grants.page').then((m) => m.RoleGrantsPage) },
  { path: 'departments', title: 'nav.departments', canActivate: [manage], loadComponent: () => import('./departments/departments.page').then((m) => m.DepartmentsPage) },
  { path: 'legal-entities', title: 'nav.legalEntities', canActivate: [manage], loadComponent: () => import('./legal-entities/legal-entities.page').then((m) => m.LegalEntitiesPage) },
  { path: 'grades', title: 'nav.grades', canActivate: [manage], loadComponent: () => import('./grades/grades.page').then((m) => m.GradesPage) },
  { path: 'cost-centres', title: 'nav.costCentres', canActivate: [manage], loadComponent: () => import('./cost-centres/cost-centres.page').then((m) => m.CostCentresPage) },
  { path: 'delegations', title: 'nav.delegations', canActivate: [manage], loadComponent: () => import('./delegations/delegations.page').then((m) => m.DelegationsPage) },
  { path: 'import', title: 'nav.peopleImport', canActivate: [manage], loadComponent: () => import('./import/people-import.page').then((m) => m.PeopleImportPage) },
];
