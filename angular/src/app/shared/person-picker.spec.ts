import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { PeopleApi } from '../features/organization/data/people.api';
import { searchPeople } from './person-picker';

describe('person search', () => {
  let backend: HttpTestingController;
  let people: PeopleApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    people = TestBed.inject(PeopleApi);
  });

  afterEach(() => backend.verify());

  it('uses the colleague lookup (no People.Read needed) for the lookup source', async () => {
    const found = firstValueFrom(searchPeople(people, 'lookup', ' 王 '));
    const req = backend.expectOne((r) => r.url === '/api/organization/people/lookup');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.get('search')).toBe('王');
    req.flush([{ id: 'p-2', employeeNo: 'E002', displayName: '王芳', departmentName: 'Finance' }]);
    expect(await found).toEqual([{ id: 'p-2', employeeNo: 'E002', displayName: '王芳', departmentName: 'Finance' }]);
  });

  it('asks the lookup without a search term when the text is blank', async () => {
    const found = firstValueFrom(searchPeople(people, 'lookup', '  '));
    const req = backend.expectOne((r) => r.url === '/api/organization/people/lookup');
    expect(req.request.params.has('search')).toBe(false);
    req.flush([]);
    expect(await found).toEqual([]);
  });

  it('uses the people list for the people source and offers nothing when a search fails', async () => {
    const listed = firstValueFrom(searchPeople(people, 'people', 'li'));
    const list = backend.expectOne((r) => r.url === '/api/organization/people');
    expect(list.request.params.get('search')).toBe('li');
    expect(list.request.params.get('pageSize')).toBe('10');
    list.flush({ items: [{ id: 'p-1', employeeNo: 'E001', displayName: '李娜', departmentName: null }], totalCount: 1 });
    expect((await listed).map((p) => p.id)).toEqual(['p-1']);

    const failed = firstValueFrom(searchPeople(people, 'lookup', 'x'));
    backend.expectOne((r) => r.url === '/api/organization/people/lookup').flush({ title: 'Forbidden' }, { status: 403, statusText: 'Forbidden' });
    expect(await failed).toEqual([]);
  });
});
