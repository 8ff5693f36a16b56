import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import { PersonLookupItem } from '../features/organization/data/organization.models';
import { PeopleApi } from '../features/organization/data/people.api';
import { serverError } from './server-errors';

/** What the picker offers: the fields both the people list and the colleague lookup return. */
export type PersonOption = Pick<PersonLookupItem, 'id' | 'employeeNo' | 'displayName' | 'departmentName'>;

/**
 * Where the picker searches: `people` is the administrators' people list (needs Organization.People.Read),
 * `lookup` the colleague lookup any signed-in employee may use (names, numbers and departments only).
 */
export type PersonSource = 'people' | 'lookup';

/** Searches people by name or employee number; a failed search offers nothing rather than an error. */
export function searchPeople(people: PeopleApi, source: PersonSource, search: string): Observable<PersonOption[]> {
  const found: Observable<PersonOption[]> =
    source === 'lookup'
      ? people.lookup(search)
      : people.list({ search, page: 1, pageSize: 10, sort: 'displayName' }).pipe(map((r) => r.items));
  return found.pipe(catchError(() => of([])));
}

/** Picks a person by name or employee number (server-side search); the bound control holds the person id. */
@Component({
  selector: 'app-person-picker',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="full">
      <mat-label>{{ label() | translate }}</mat-label>
      <input matInput [formControl]="text" [matAutocomplete]="auto" [name]="name()" [required]="required()" />
      @if (control().value && !control().disabled) {
        <button mat-icon-button matSuffix type="button" (click)="clear()" [attr.aria-label]="'common.clear' | translate">
          <mat-icon>close</mat-icon>
        </button>
      }
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="select($event)">
        @for (p of options(); track p.id) {
          <mat-option [value]="p" data-testid="person-option">{{ p.displayName }} · {{ p.employeeNo }}@if (p.departmentName) {<span class="dept"> · {{ p.departmentName }}</span>}</mat-option>
        }
      </mat-autocomplete>
      @if (serverError(control()); as msg) {
        <mat-hint class="error-text">{{ msg }}</mat-hint>
      }
    </mat-form-field>
  `,
})
export class PersonPicker implements OnInit {
  private readonly people = inject(PeopleApi);

  readonly control = input.required<FormControl<string | null>>();
  readonly initialName = input<string | null>(null);
  readonly label = input('common.person');
  readonly name = input('person');
  readonly required = input(false);
  readonly source = input<PersonSource>('people');

  protected readonly text = new FormControl<string | PersonOption>('', { nonNullable: true });
  protected readonly options = signal<PersonOption[]>([]);
  protected readonly serverError = serverError;

  constructor() {
    this.text.valueChanges
      .pipe(
        filter((v): v is string => typeof v === 'string'),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((search) => searchPeople(this.people, this.source(), search)),
        takeUntilDestroyed(),
      )
      .subscribe((options) => this.options.set(options));
  }

  ngOnInit(): void {
    this.text.setValue(this.initialName() ?? '', { emitEvent: false });
    if (this.control().disabled) this.text.disable({ emitEvent: false });
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as PersonOption;
    this.control().setValue(person.id);
    this.control().markAsDirty();
    this.text.setValue(person.displayName, { emitEvent: false });
  }

  protected clear(): void {
    this.control().setValue(null);
    this.text.setValue('', { emitEvent: false });
  }
}
