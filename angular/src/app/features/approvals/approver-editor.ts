import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { APPROVER_TYPES } from './data/approvals.models';
import { ROLES } from '../organization/data/organization.models';
import { PeopleApi } from '../organization/data/people.api';
import { PersonPicker } from '../../shared/person-picker';
import { ApproverForm } from './flow-model';

/** One approver rule: manager (n levels up), department head, everyone in a role, or a named person. */
@Component({
  selector: 'app-approver-editor',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, PersonPicker, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = approver();
    <div class="approver" data-testid="approver-rule" [attr.data-type]="a.type">
      <mat-form-field class="type">
        <mat-label>{{ 'approvals.approver.type' | translate }}</mat-label>
        <mat-select [(ngModel)]="a.type" (ngModelChange)="typeChanged()" name="type">
          @for (t of types; track t) {
            <mat-option [value]="t">{{ 'approvals.approver.types.' + t | translate }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @switch (a.type) {
        @case ('manager') {
          <mat-form-field class="levels">
            <mat-label>{{ 'approvals.approver.levels' | translate }}</mat-label>
            <input matInput type="number" min="1" max="10" [(ngModel)]="a.levels" name="levels" />
          </mat-form-field>
        }
        @case ('role') {
          <mat-form-field>
            <mat-label>{{ 'approvals.approver.role' | translate }}</mat-label>
            <mat-select [(ngModel)]="a.role" name="role">
              @for (r of roles; track r) {
                <mat-option [value]="r">{{ 'roles.' + r | translate }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        @case ('person') {
          @if (ready()) {
            <div class="person"><app-person-picker [control]="person" [initialName]="personName()" label="approvals.approver.person" name="personId" [required]="true" /></div>
          }
        }
      }
    </div>
  `,
  styles: `
    .approver { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: flex-start; flex: 1; }
    .type { width: 180px; }
    .levels { width: 110px; }
    .person { flex: 1 1 240px; }
  `,
})
export class ApproverEditor implements OnInit {
  private readonly people = inject(PeopleApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly approver = input.required<ApproverForm>();

  protected readonly types = APPROVER_TYPES;
  protected readonly roles = ROLES;
  protected readonly person = new FormControl<string | null>(null);
  protected readonly personName = signal<string | null>(null);
  /** The person picker shows a name, so it waits until the name of an existing id is known. */
  protected readonly ready = signal(false);

  ngOnInit(): void {
    const a = this.approver();
    this.person.setValue(a.personId, { emitEvent: false });
    this.person.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((id) => (this.approver().personId = id));
    if (a.personId) {
      this.people.get(a.personId).subscribe({
        next: (p) => {
          this.personName.set(p.displayName);
          this.ready.set(true);
        },
        error: () => {
          this.personName.set(a.personId);
          this.ready.set(true);
        },
      });
    } else {
      this.ready.set(true);
    }
  }

  protected typeChanged(): void {
    const a = this.approver();
    if (a.type === 'role' && !a.role) a.role = 'Finance';
    if (a.type === 'manager' && !a.levels) a.levels = 1;
  }
}
