import { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { PERMISSIONS } from '../../core/nav/nav-items';
import { COST_CENTRES, DELEGATIONS, GRADES, LEGAL_ENTITIES } from './reference-tables';

const manage = permissionGuard(PERMISSIONS.organizationManage);
/** The shared reference table; each route gives it its config as route data (bound to its `config` input). */
const table = () => import('../../shared/reference-table').then((m) => m.ReferenceTable);

export const ORGANIZATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'people' },
  { path: 'people', title: 'nav.people', loadComponent: () => import('./people/people.page').then((m) => m.PeoplePage) },
  { path: 'role-grants', title: 'nav.roleGrants', canActivate: [manage], loadComponent: () => import('./role-grants/role-grants.page').then((m) => m.RoleGrantsPage) },
  { path: 'departments', title: 'nav.departments', canActivate: [manage], loadComponent: () => import('./departments/departments.page').then((m) => m.DepartmentsPage) },
  { path: 'legal-entities', title: 'nav.legalEntities', canActivate: [manage], loadComponent: table, data: { config: LEGAL_ENTITIES } },
  { path: 'grades', title: 'nav.grades', canActivate: [manage], loadComponent: table, data: { config: GRADES } },
  { path: 'cost-centres', title: 'nav.costCentres', canActivate: [manage], loadComponent: table, data: { config: COST_CENTRES } },
  { path: 'delegations', title: 'nav.delegations', canActivate: [manage], loadComponent: table, data: { config: DELEGATIONS } },
  { path: 'import', title: 'nav.peopleImport', canActivate: [manage], loadComponent: () => import('./import/people-import.page').then((m) => m.PeopleImportPage) },
];
