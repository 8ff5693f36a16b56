import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { Delegation, DelegationInput } from '../organization/data/organization.models';
import { FormDialogData } from '../../shared/form-dialog';
import { AuthService } from '../../core/auth/auth.service';
import { provideTestTranslations, useLanguage, user } from '../../../testing/test-helpers';
import { OutOfOfficePage, splitDelegations } from './out-of-office.page';

const delegation = (id: string, from: string, to: string): Delegation => ({
  id, fromPersonId: from, fromName: from === 'p-1' ? '李娜' : '张伟', toPersonId: to, toName: to === 'p-1' ? '李娜' : '王芳',
  startDate: '2026-12-01', endDate: '2026-12-10', reason: 'Leave',
});

describe('OutOfOfficePage', () => {
  it('splits delegations into mine and those I act for (an administrator sees everyone’s)', () => {
    const all = [delegation('d-1', 'p-1', 'p-2'), delegation('d-2', 'p-3', 'p-1'), delegation('d-3', 'p-3', 'p-4')];
    const { mine, forMe } = splitDelegations(all, 'p-1');
    expect(mine.map((d) => d.id)).toEqual(['d-1']);
    expect(forMe.map((d) => d.id)).toEqual(['d-2']);
  });

  it('lists my delegations and deletes one after confirmation', async () => {
    TestBed.configureTestingModule({
      imports: [OutOfOfficePage],
      providers: [
        provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: signal(user(['Approvals.Decide'])) } },
      ],
    });
    await useLanguage('en');
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(OutOfOfficePage);
    await fixture.whenStable();
    backend.expectOne('/api/organization/delegations').flush([delegation('d-1', 'p-1', 'p-2'), delegation('d-2', 'p-3', 'p-1')]);
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('[data-testid=ooo-mine] [data-testid=ooo-row]').length).toBe(1);
    expect(el.querySelector('[data-testid=ooo-mine]')?.textContent).toContain('王芳');
    expect(el.querySelector('[data-testid=ooo-for-me]')?.textContent).toContain('张伟');

    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    el.querySelector<HTMLButtonElement>('[data-testid=ooo-delete]')!.click();
    expect(confirm.mock.calls[0][0]).toContain('王芳');
    backend.expectOne({ method: 'DELETE', url: '/api/organization/delegations/d-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((r) => setTimeout(r));
    backend.expectOne('/api/organization/delegations').flush([]);
    confirm.mockRestore();
  });

  it('picks the delegate through the colleague lookup, so employees without People.Read can choose one', async () => {
    TestBed.configureTestingModule({
      imports: [OutOfOfficePage],
      providers: [
        provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: signal(user(['Approvals.Decide'])) } },
      ],
    });
    await useLanguage('en');
    const backend = TestBed.inject(HttpTestingController);
    const closed = new Subject<unknown>();
    const open = vi.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => closed } as never);
    const fixture = TestBed.createComponent(OutOfOfficePage);
    await fixture.whenStable();
    backend.expectOne('/api/organization/delegations').flush([]);
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();

    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid=ooo-new]')!.click();
    const data = open.mock.calls[0][1]!.data as FormDialogData<DelegationInput>;
    const delegate = data.fields.find((f) => f.key === 'toPersonId')!;
    expect(delegate.type).toBe('person');
    expect(delegate.personSource).toBe('lookup');
    expect(data.fields.some((f) => f.key === 'fromPersonId')).toBe(false);

    data.save({ fromPersonId: 'ignored', toPersonId: 'p-2', startDate: '2026-12-01', endDate: '2026-12-10', reason: null } as DelegationInput).subscribe();
    const create = backend.expectOne({ method: 'POST', url: '/api/organization/delegations' });
    expect(create.request.body).toEqual({ fromPersonId: null, toPersonId: 'p-2', startDate: '2026-12-01', endDate: '2026-12-10', reason: null });
    create.flush({});
    closed.next(true);
    await new Promise((r) => setTimeout(r));
    backend.expectOne('/api/organization/delegations').flush([]);
    open.mockRestore();
  });
});
