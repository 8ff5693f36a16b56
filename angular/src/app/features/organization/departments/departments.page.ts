import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { DepartmentsApi } from '../data/departments.api';
import { Department, DepartmentInput } from '../data/organization.models';
import { FormDialogData } from '../../../shared/form-dialog';
import { ReferenceRows } from '../../../shared/reference-rows';
import { flattenDepartments, subtreeIds } from './department-tree';

@Component({
  selector: 'app-departments-page',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'departments.title' | translate }}</h1>
      <button mat-flat-button type="button" (click)="edit(null, null)"><mat-icon>add</mat-icon>{{ 'departments.new' | translate }}</button>
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    <ul class="tree" role="tree" data-testid="department-tree">
      @for (node of nodes(); track node.department.id) {
        <li role="treeitem" class="tree-row" [style.padding-left.px]="node.depth * 28" [attr.aria-level]="node.depth + 1">
          <mat-icon class="tree-icon">{{ node.depth === 0 ? 'corporate_fare' : 'subdirectory_arrow_right' }}</mat-icon>
          <span class="tree-name">{{ node.department.name }}</span>
          <span class="muted">{{ node.department.code }}</span>
          <span class="tree-head">
            <mat-icon inline>person</mat-icon>
            {{ node.department.headName || ('departments.noHead' | translate) }}
          </span>
          <span class="spacer"></span>
          <button mat-icon-button type="button" (click)="edit(null, node.department.id)" [attr.aria-label]="'departments.addChild' | translate"><mat-icon>add</mat-icon></button>
          <button mat-icon-button type="button" (click)="edit(node.department, null)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button>
          <button mat-icon-button type="button" (click)="remove(node.department)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
        </li>
      } @empty {
        @if (!loading()) { <li class="muted">{{ 'common.noData' | translate }}</li> }
      }
    </ul>
  `,
})
export class DepartmentsPage {
  private readonly api = inject(DepartmentsApi);
  private readonly ref = new ReferenceRows<Department>(() => this.api.list());

  protected readonly departments = this.ref.rows;
  protected readonly nodes = computed(() => flattenDepartments(this.departments()));
  protected readonly loading = this.ref.busy;

  constructor() {
    this.ref.load();
  }

  protected edit(department: Department | null, parentId: string | null): void {
    const excluded = department ? subtreeIds(this.departments(), department.id) : new Set<string>();
    const parents = this.nodes()
      .filter((n) => !excluded.has(n.department.id))
      .map((n) => ({ value: n.department.id, label: `${'\u2003'.repeat(n.depth)}${n.department.name} (${n.department.code})` }));
    const data: FormDialogData<DepartmentInput> = {
      title: department ? 'departments.edit' : 'departments.new',
      editing: !!department,
      value: department ?? { parentId },
      fields: [
        { key: 'code', label: 'departments.code', type: 'text', required: true, maxLength: 32 },
        { key: 'name', label: 'departments.name', type: 'text', required: true, maxLength: 100 },
        { key: 'parentId', label: 'departments.parent', type: 'select', options: [{ value: null, label: '—' }, ...parents] },
        { key: 'headPersonId', label: 'departments.head', type: 'person', initialName: department?.headName },
      ],
      save: (v) => (department ? this.api.update(department.id, v) : this.api.create(v)),
    };
    this.ref.edit(data, '560px');
  }

  protected remove(department: Department): void {
    void this.ref.remove('departments.confirmDelete', { name: department.name }, () => this.api.delete(department.id));
  }
}
