/** Shapes of the Organization API (people, departments, grades, cost centres, legal entities, bank accounts, delegations, roles). */

export interface PersonListItem {
  id: string;
  employeeNo: string;
  displayName: string;
  email: string;
  departmentId: string | null;
  departmentName: string | null;
  gradeCode: string | null;
  managerId: string | null;
  managerName: string | null;
  costCentreCode: string | null;
  roles: string[];
  isActive: boolean;
}

export interface BankAccount {
  id: string;
  personId: string;
  accountName: string;
  bankName: string;
  cnapsCode: string | null;
  accountNumberMasked: string;
  /** Present only for Finance or the account's owner. */
  accountNumber?: string;
  isDefault: boolean;
  /** Pending while a change concerning the account waits for a finance user's confirmation. */
  status?: 'Active' | 'Pending';
  pendingChangeId?: string | null;
  changedAt?: string | null;
  confirmedAt?: string | null;
}

/** One line of a person's bank account audit log (GET /api/organization/people/{id}/bank-account-log); numbers masked. */
export interface BankAccountLogEntry {
  id: number;
  accountId: string;
  changeId: string | null;
  type: 'Added' | 'Updated' | 'MadeDefault' | 'Removed' | 'Confirmed' | 'Rejected' | 'Withdrawn';
  outcome: 'Pending' | 'Effective' | null;
  actorId: string;
  actorName: string | null;
  byOwner: boolean;
  at: string;
  accountName: string;
  bankName: string;
  accountNumberMasked: string;
  note: string | null;
}

/** A change to someone's bank accounts as Finance decides it (GET /api/organization/bank-account-changes). */
export interface BankAccountChange {
  id: string;
  personId: string;
  personName: string;
  employeeNo: string;
  accountId: string;
  kind: 'Added' | 'Updated' | 'MadeDefault';
  status: 'Pending' | 'Effective' | 'Confirmed' | 'Rejected' | 'Withdrawn';
  makesDefault: boolean;
  accountName: string;
  bankName: string;
  cnapsCode: string | null;
  accountNumberMasked: string;
  accountNumber: string | null;
  madeBy: string;
  madeByName: string | null;
  madeAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  note: string | null;
  /** Confirmation: nothing of it is used until decided; Period: the owner's own change, paid after clearsAt unless confirmed earlier. */
  awaiting: 'Confirmation' | 'Period' | null;
  clearsAt: string | null;
}

/** A colleague as any signed-in user may look them up (GET /api/organization/people/lookup): no contact or bank details. */
export interface PersonLookupItem {
  id: string;
  employeeNo: string;
  displayName: string;
  departmentName: string | null;
}

export interface Person extends PersonListItem {
  phone: string | null;
  bankAccounts: BankAccount[];
  /**
   * Roles an administrator asked for that wait for a second administrator (segregation of duties): the person does
   * not hold them yet. A save answers 200 with such roles left out of `roles` and listed here.
   */
  pendingRoles?: string[];
}

export interface PersonInput {
  employeeNo: string;
  displayName: string;
  email: string;
  phone?: string | null;
  departmentId?: string | null;
  gradeCode?: string | null;
  managerId?: string | null;
  costCentreCode?: string | null;
  roles: string[];
}

export interface CreatePersonRequest extends PersonInput {
  initialPassword: string;
}

export interface PeopleQuery {
  search?: string;
  departmentId?: string;
  page: number;
  pageSize: number;
  /** displayName | employeeNo | department, prefixed with "-" for descending. */
  sort?: string;
}

export type ImportRowStatus = 'created' | 'updated' | 'rejected';

export interface ImportRow {
  row: number;
  employeeNo: string | null;
  status: ImportRowStatus;
  errors: string[];
}

export interface ImportReport {
  created: number;
  updated: number;
  rejected: number;
  rows: ImportRow[];
}

export interface NewBankAccount {
  accountName: string;
  bankName: string;
  cnapsCode: string | null;
  accountNumber: string;
  isDefault: boolean;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  headPersonId: string | null;
  headName: string | null;
}

export interface DepartmentInput {
  code: string;
  name: string;
  parentId: string | null;
  headPersonId: string | null;
}

export interface Grade {
  code: string;
  name: string;
  rank: number;
}

export interface CostCentre {
  code: string;
  name: string;
  isActive: boolean;
}

export interface LegalEntity {
  id: string;
  name: string;
  /** Unified social credit code (18 characters, check character validated by the server). */
  taxId: string;
  address?: string | null;
  phone?: string | null;
  bankName?: string | null;
  bankAccountNumber?: string | null;
}

export type LegalEntityInput = Omit<LegalEntity, 'id'>;

export interface Delegation {
  id: string;
  fromPersonId: string;
  fromName: string;
  toPersonId: string;
  toName: string;
  startDate: string;
  endDate: string;
  reason: string | null;
}

export interface DelegationInput {
  /** null: the signed-in user delegates. */
  fromPersonId: string | null;
  toPersonId: string;
  startDate: string;
  endDate: string;
  reason: string | null;
}

export const ROLES = ['Employee', 'Approver', 'Finance', 'Admin', 'Management', 'HR'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_GRANT_STATUSES = ['Pending', 'Confirmed', 'Rejected'] as const;
export type RoleGrantStatus = (typeof ROLE_GRANT_STATUSES)[number];

/**
 * Roles one administrator alone may not give, waiting for a second administrator (GET /api/organization/role-grants).
 * `reason` is "SelfGrant" (an administrator raising their own roles) or "Conflict:A+B" (e.g. "Conflict:Admin+Finance").
 */
export interface RoleGrant {
  id: string;
  personId: string;
  personName: string;
  roles: string[];
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  status: RoleGrantStatus;
  decidedBy: string | null;
  decidedAt: string | null;
}
