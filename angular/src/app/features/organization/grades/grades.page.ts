import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { map } from 'rxjs';
import { GradesApi } from '../data/grades.api';
import { Grade } from '../data/organization.models';
import { ReferenceTable, ReferenceTableConfig } from '../../../shared/reference-table';

@Component({
  selector: 'app-grades-page',
  imports: [ReferenceTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-reference-table [config]="config" />`,
})
export class GradesPage {
  private readonly api = inject(GradesApi);

  protected readonly config: ReferenceTableConfig<Grade> = {
    title: 'grades.title',
    newLabel: 'grades.new',
    testId: 'grades-table',
    key: (g) => g.code,
    list: () => this.api.list().pipe(map((grades) => [...grades].sort((a, b) => a.rank - b.rank))),
    columns: [
      { key: 'code', label: 'grades.code', style: 'mono' },
      { key: 'name', label: 'grades.name' },
      { key: 'rank', label: 'grades.rank' },
    ],
    form: (grade) => ({
      title: grade ? 'grades.edit' : 'grades.new',
      editing: !!grade,
      value: grade ?? { rank: 1 },
      fields: [
        { key: 'code', label: 'grades.code', type: 'text', required: true, maxLength: 16, lockedOnEdit: true },
        { key: 'name', label: 'grades.name', type: 'text', required: true, maxLength: 100 },
        { key: 'rank', label: 'grades.rank', type: 'number', required: true },
      ],
      save: (v: Grade) => (grade ? this.api.update(grade.code, { ...v, code: grade.code }) : this.api.create(v)),
    }),
  };
}
