import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { errorInterceptor } from '../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../testing/test-helpers';
import { ReferenceApi, ReferenceTable, ReferenceTableConfig } from './reference-table';

interface Thing {
  code: string;
  name: string;
  isActive: boolean;
  isDefault: boolean;
}

const thing = (code: string, over: Partial<Thing> = {}): Thing => ({ code, name: `Name ${code}`, isActive: true, isDefault: false, ...over });

/** A client over a made-up /api/things with the method names the table calls. */
@Injectable({ providedIn: 'root' })
class ThingsApi implements ReferenceApi<Thing> {
  private readonly http = inject(HttpClient);
  list = () => this.http.get<Thing[]>('/api/things');
  create = (v: Thing) => this.http.post<Thing>('/api/things', v);
  update = (code: string, v: Thing) => this.http.put<Thing>(`/api/things/${code}`, v);
  delete = (code: string) => this.http.delete<void>(`/api/things/${code}`);
  activate = (code: string) => this.http.post<Thing>(`/api/things/${code}/activate`, null);
  deactivate = (code: string) => this.http.post<Thing>(`/api/things/${code}/deactivate`, null);
}

/** A reference list the way the organization, flow and template routes configure it (texts borrowed from grades). */
function things(over: Partial<ReferenceTableConfig<Thing>> = {}): ReferenceTableConfig<Thing> {
  return {
    i18n: 'grades',
    api: ThingsApi,
    key: 'code',
    testIds: { table: 'things-table', row: 'thing' },
    columns: [
      { key: 'code', style: 'mono' },
      { key: 'name' },
      { key: 'isActive', label: 'people.status', translated: true, value: (t) => (t.isActive ? 'people.active' : 'people.inactive') },
    ],
    form: { fields: [{ key: 'code', type: 'text', required: true, lockedOnEdit: true }, { key: 'name', type: 'text', required: true }] },
    ...over,
  };
}

describe('ReferenceTable', () => {
  let backend: HttpTestingController;

  async function render(over: Partial<ReferenceTableConfig<Thing>> = {}) {
    TestBed.configureTestingModule({
      imports: [ReferenceTable],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ReferenceTable<Thing>);
    fixture.componentRef.setInput('config', things(over));
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const rows = () => [...el.querySelectorAll<HTMLTableRowElement>('tr[data-testid=thing-row]')];
    return { fixture, el, rows };
  }

  async function settle(fixture: { whenStable(): Promise<unknown> }) {
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  }

  /** The dialog reports its answer once its closing animation has ended: wait for the request, with a deadline. */
  async function reloaded() {
    for (let i = 0; i < 100; i++) {
      const found = backend.match('/api/things');
      if (found.length) return found[0];
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the list was not reloaded');
  }

  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement | null;

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((o) => (o.innerHTML = ''));
  });

  it('lists the rows with their columns, and says so when there are none', async () => {
    const { fixture, el, rows } = await render();
    backend.expectOne('/api/things').flush([thing('A'), thing('B', { isActive: false })]);
    await settle(fixture);

    expect(text(el, 'h1')).toBe('Grades');
    expect(rows().map((r) => r.getAttribute('data-code'))).toEqual(['A', 'B']);
    // Without activate/deactivate a row says nothing about it.
    expect(rows()[0].hasAttribute('data-active')).toBe(false);
    expect(rows()[0].querySelector('td.mono')?.textContent?.trim()).toBe('A');
    expect(text(rows()[0], 'td:nth-child(3)')).toBe('Active');
    expect(text(rows()[1], 'td:nth-child(3)')).toBe('Inactive');
    expect(el.querySelector('th')?.textContent?.trim()).toBe('Code');
    expect(rows()[0].querySelector('[data-testid=thing-delete]')).toBeNull();
  });

  it('shows "no data" for an empty list', async () => {
    const { fixture, el, rows } = await render();
    backend.expectOne('/api/things').flush([]);
    await settle(fixture);
    expect(rows()).toEqual([]);
    expect(text(el, 'td.empty')).toBe('Nothing here yet.');
  });

  it('edits a row through the dialog: the code stays locked, the save goes to the server and the list reloads', async () => {
    const { fixture, rows } = await render();
    backend.expectOne('/api/things').flush([thing('A'), thing('B')]);
    await settle(fixture);

    rows()[1].querySelector<HTMLButtonElement>('[data-testid=thing-edit]')!.click();
    await settle(fixture);
    const form = dialog()!;
    expect(text(form, '[mat-dialog-title]')).toBe('Edit grade');
    const code = form.querySelector<HTMLInputElement>('input[name=code]')!;
    expect(code.value).toBe('B');
    expect(code.disabled).toBe(true);
    const name = form.querySelector<HTMLInputElement>('input[name=name]')!;
    expect(name.value).toBe('Name B');
    name.value = '新名称';
    name.dispatchEvent(new Event('input'));
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(fixture);

    const put = backend.expectOne({ method: 'PUT', url: '/api/things/B' });
    expect(put.request.body).toEqual({ code: 'B', name: '新名称' });
    put.flush(thing('B', { name: '新名称' }));
    (await reloaded()).flush([thing('A'), thing('B', { name: '新名称' })]);
    await settle(fixture);

    expect(dialog()).toBeNull();
    expect(rows()[1].textContent).toContain('新名称');
  });

  it('keeps the dialog open with the server message when a save is refused, and does not reload', async () => {
    const { fixture, rows } = await render();
    backend.expectOne('/api/things').flush([thing('A')]);
    await settle(fixture);

    rows()[0].querySelector<HTMLButtonElement>('[data-testid=thing-edit]')!.click();
    await settle(fixture);
    dialog()!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(fixture);
    backend
      .expectOne({ method: 'PUT', url: '/api/things/A' })
      .flush({ title: 'Conflict', status: 409, detail: 'Someone else changed it.', code: 'Organization.Conflict' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    expect(text(dialog()!, '[data-testid=form-error]')).toBe('Someone else changed it.');
    backend.expectNone('/api/things');
  });

  it('creates a record from the New button', async () => {
    const { fixture } = await render();
    backend.expectOne('/api/things').flush([]);
    await settle(fixture);

    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid=thing-new]')!.click();
    await settle(fixture);
    const form = dialog()!;
    expect(form.querySelector<HTMLInputElement>('input[name=code]')!.disabled).toBe(false);
    for (const [field, value] of [['code', 'C'], ['name', 'Name C']]) {
      const input = form.querySelector<HTMLInputElement>(`input[name=${field}]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle(fixture);
    const post = backend.expectOne({ method: 'POST', url: '/api/things' });
    expect(post.request.body).toEqual({ code: 'C', name: 'Name C' });
    post.flush(thing('C'));
    (await reloaded()).flush([thing('C')]);
    await settle(fixture);
    expect(text(fixture.nativeElement as HTMLElement, 'tr[data-testid=thing-row]')).toContain('Name C');
  });

  /** Flows' texts: they have on/off, activate/deactivate and the two notices. */
  const switchable = (over: Partial<ReferenceTableConfig<Thing>> = {}): Partial<ReferenceTableConfig<Thing>> => ({
    i18n: 'approvals.flows',
    columns: [{ key: 'code' }, { key: 'active', state: true }],
    toggle: {},
    ...over,
  });

  it('switches a row off and on in place with the row the server answers, never the protected one', async () => {
    const { fixture, rows } = await render(switchable({ toggle: { canDeactivate: (t) => !t.isDefault } }));
    backend.expectOne('/api/things').flush([thing('A'), thing('DEFAULT', { isDefault: true })]);
    await settle(fixture);
    expect(rows().map((r) => [r.getAttribute('data-active'), text(r, '.tag')])).toEqual([['true', 'Active'], ['true', 'Active']]);
    expect(rows()[1].querySelector('[data-testid=thing-deactivate]')).toBeNull();
    expect(rows()[1].querySelector('[data-testid=thing-activate]')).toBeNull();

    rows()[0].querySelector<HTMLButtonElement>('[data-testid=thing-deactivate]')!.click();
    await settle(fixture);
    backend.expectOne({ method: 'POST', url: '/api/things/A/deactivate' }).flush(thing('A', { isActive: false, name: 'Answered' }));
    await settle(fixture);
    expect(rows().map((r) => r.getAttribute('data-active'))).toEqual(['false', 'true']);
    expect(text(rows()[0], '.tag.off')).toBe('Inactive');
    expect(text(document.body, 'mat-snack-bar-container')).toContain('Flow deactivated.');

    rows()[0].querySelector<HTMLButtonElement>('[data-testid=thing-activate]')!.click();
    await settle(fixture);
    backend.expectOne({ method: 'POST', url: '/api/things/A/activate' }).flush(thing('A'));
    await settle(fixture);
    expect(rows()[0].getAttribute('data-active')).toBe('true');
    expect(rows()[0].querySelector('.tag.off')).toBeNull();
    expect(rows()[0].querySelector('[data-testid=thing-deactivate]')).not.toBeNull();
    // In place: no reload of the list after a switch.
    backend.expectNone('/api/things');
  });

  it('leaves the row as it was when a switch is refused', async () => {
    const { fixture, rows } = await render(switchable());
    backend.expectOne('/api/things').flush([thing('A')]);
    await settle(fixture);
    rows()[0].querySelector<HTMLButtonElement>('[data-testid=thing-deactivate]')!.click();
    await settle(fixture);
    backend
      .expectOne('/api/things/A/deactivate')
      .flush({ title: 'Forbidden', status: 403, detail: 'Not yours.', code: 'Auth.Forbidden' }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    expect(rows()[0].getAttribute('data-active')).toBe('true');
    expect(rows()[0].querySelector<HTMLButtonElement>('[data-testid=thing-deactivate]')!.disabled).toBe(false);
    expect(text(document.body, 'mat-snack-bar-container')).toContain('Not yours.');
  });

  it('deletes only after a yes, then reloads; hides the edit button for create-only records', async () => {
    const { fixture, rows } = await render({
      i18n: 'delegations',
      columns: [{ key: 'reason', value: (t) => t.name }],
      form: { editable: false, fields: [] },
      remove: (t) => ({ from: t.name, to: t.code }),
    });
    backend.expectOne('/api/things').flush([thing('A')]);
    await settle(fixture);
    expect(rows()[0].querySelector('[data-testid=thing-edit]')).toBeNull();

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    rows()[0].querySelector<HTMLButtonElement>('[data-testid=thing-delete]')!.click();
    await settle(fixture);
    backend.expectNone('/api/things/A');
    expect(confirm.mock.calls[0][0]).toBe('Delete the delegation from Name A to A?');

    rows()[0].querySelector<HTMLButtonElement>('[data-testid=thing-delete]')!.click();
    await settle(fixture);
    backend.expectOne({ method: 'DELETE', url: '/api/things/A' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    backend.expectOne('/api/things').flush([]);
    await settle(fixture);
    expect(rows()).toEqual([]);
    confirm.mockRestore();
  });
});
