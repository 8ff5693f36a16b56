import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, filter, of, switchMap, tap } from 'rxjs';
import { Department, PeopleQuery, PersonListItem, RoleGrant } from '../data/organization.models';
import { DepartmentsApi } from '../data/departments.api';
import { PeopleApi } from '../data/people.api';
import { RoleGrantsApi } from '../data/role-grants.api';
import { AuthService } from '../../../core/auth/auth.service';
import { PERMISSIONS } from '../../../core/nav/nav-items';
import { NotifyService } from '../../../shared/notify.service';
import { RoleTags } from '../role-tags';
import { PersonDialog, PersonDialogData } from './person-dialog';

const SORTABLE: Record<string, string> = { displayName: 'displayName', employeeNo: 'employeeNo', department: 'department' };

/** Sort state of the table → the API's sort parameter ("-" prefix for descending). */
export function toSortParam(sort: Sort): string | undefined {
  const field = SORTABLE[sort.active];
  if (!field || !sort.direction) return undefined;
  return sort.direction === 'desc' ? `-${field}` : field;
}

@Component({
  selector: 'app-people-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatInputModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule, MatSortModule, MatTableModule, RoleTags, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './people.page.html',
})
export class PeoplePage {
  private readonly people = inject(PeopleApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly auth = inject(AuthService);

  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.organizationManage));
  protected readonly columns = computed(() => [
    'employeeNo', 'displayName', 'email', 'department', 'grade', 'manager', 'costCentre', 'roles', 'status',
    ...(this.canManage() ? ['actions'] : []),
  ]);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly departmentFilter = new FormControl<string | null>(null);
  protected readonly query = signal<PeopleQuery>({ page: 1, pageSize: 20, sort: 'displayName' });
  private readonly reload = signal(0);
  protected readonly rows = signal<PersonListItem[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly departments = signal<Department[]>([]);
  /** Roles waiting for a second administrator, by person (the list answer carries only the roles held). */
  protected readonly pendingRoles = signal<Record<string, string[]>>({});
  protected readonly pendingGrants = signal(0);

  constructor() {
    inject(DepartmentsApi)
      .list()
      .pipe(catchError(() => of([] as Department[])), takeUntilDestroyed())
      .subscribe((d) => this.departments.set([...d].sort((a, b) => a.name.localeCompare(b.name))));

    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => this.query.update((q) => ({ ...q, search: search.trim() || undefined, page: 1 })));
    this.departmentFilter.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((departmentId) => this.query.update((q) => ({ ...q, departmentId: departmentId ?? undefined, page: 1 })));

    // Only administrators may read the grants; for them the list marks roles that are asked for but not held yet.
    const grants = inject(RoleGrantsApi);
    toObservable(this.reload)
      .pipe(
        filter(() => this.canManage()),
        switchMap(() => grants.list('Pending').pipe(catchError(() => of([] as RoleGrant[])))),
        takeUntilDestroyed(),
      )
      .subscribe((list) => {
        const byPerson: Record<string, string[]> = {};
        for (const g of list) byPerson[g.personId] = [...new Set([...(byPerson[g.personId] ?? []), ...g.roles])];
        this.pendingRoles.set(byPerson);
        this.pendingGrants.set(list.length);
      });

    const request = computed(() => ({ query: this.query(), reload: this.reload() }));
    toObservable(request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ query }) =>
          this.people.list(query).pipe(
            catchError((e) => {
              this.notify.error(e);
              return of({ items: [] as PersonListItem[], totalCount: 0 });
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.rows.set(result.items);
        this.total.set(result.totalCount);
        this.loading.set(false);
      });
  }

  protected page(event: PageEvent): void {
    this.query.update((q) => ({ ...q, page: event.pageIndex + 1, pageSize: event.pageSize }));
  }

  protected sort(sort: Sort): void {
    this.query.update((q) => ({ ...q, sort: toSortParam(sort), page: 1 }));
  }

  protected open(person?: PersonListItem): void {
    const data: PersonDialogData = { personId: person?.id ?? null };
    this.dialog
      .open(PersonDialog, { data, width: '720px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.notify.success('common.saved');
          this.reload.update((n) => n + 1);
        }
      });
  }
}
