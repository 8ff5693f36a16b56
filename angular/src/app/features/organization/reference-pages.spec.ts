import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { ReferenceTable, ReferenceTableConfig } from '../../shared/reference-table';
import { COST_CENTRES, DELEGATIONS, GRADES } from './reference-tables';

/** The organization lists as the routes configure the shared reference table: their columns, texts and calls. */
describe('organization reference pages', () => {
  let backend: HttpTestingController;

  async function render<T>(config: ReferenceTableConfig<T>, lang: 'en' | 'zh-CN' = 'zh-CN') {
    TestBed.configureTestingModule({
      imports: [ReferenceTable],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ReferenceTable<T>);
    fixture.componentRef.setInput('config', config);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    return { el, settle };
  }

  /** The dialog answers after its closing animation: wait for the reload, with a deadline. */
  async function next(url: string): Promise<TestRequest> {
    for (let i = 0; i < 100; i++) {
      const found = backend.match(url);
      if (found.length) return found[0];
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no request to ${url}`);
  }

  afterEach(() => {
    backend.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((o) => (o.innerHTML = ''));
  });

  it('cost centres: shows the state in words and saves an edit under the code it was created with', async () => {
    const { el, settle } = await render(COST_CENTRES);
    backend.expectOne('/api/organization/cost-centres').flush([
      { code: 'CC-100', name: '研发中心', isActive: true },
      { code: 'CC-200', name: '旧部门', isActive: false },
    ]);
    await settle();
    expect(text(el, 'h1')).toBe('成本中心');
    const rows = () => [...el.querySelectorAll('[data-testid=cost-centres-table] tr.mat-mdc-row')];
    expect(rows().map((r) => text(r as HTMLElement, 'td:nth-child(3)'))).toEqual(['在职', '停用']);

    rows()[0].querySelector<HTMLButtonElement>('[data-testid=cost-centre-edit]')!.click();
    await settle();
    const form = document.querySelector('mat-dialog-container') as HTMLElement;
    const name = form.querySelector<HTMLInputElement>('input[name=name]')!;
    name.value = '研发中心（北京）';
    name.dispatchEvent(new Event('input'));
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await settle();
    const put = backend.expectOne({ method: 'PUT', url: '/api/organization/cost-centres/CC-100' });
    expect(put.request.body).toEqual({ code: 'CC-100', name: '研发中心（北京）', isActive: true });
    put.flush({ code: 'CC-100', name: '研发中心（北京）', isActive: true });
    (await next('/api/organization/cost-centres')).flush([{ code: 'CC-100', name: '研发中心（北京）', isActive: true }]);
    await settle();
    expect(rows().map((r) => r.getAttribute('data-code'))).toEqual(['CC-100']);
    expect(rows()[0].textContent).toContain('研发中心（北京）');
  });

  it('grades: lists by rank, whatever order the server sends', async () => {
    const { el, settle } = await render(GRADES, 'en');
    backend.expectOne('/api/organization/grades').flush([
      { code: 'M2', name: 'Manager', rank: 5 },
      { code: 'P1', name: 'Staff', rank: 1 },
    ]);
    await settle();
    expect([...el.querySelectorAll('tr[data-code]')].map((r) => r.getAttribute('data-code'))).toEqual(['P1', 'M2']);
  });

  it('delegations: no edit, and a deletion asks first, names both people and reloads', async () => {
    const { el, settle } = await render(DELEGATIONS, 'en');
    backend.expectOne('/api/organization/delegations').flush([
      { id: 'd-1', fromPersonId: 'p-1', fromName: '李娜', toPersonId: 'p-2', toName: '王芳', startDate: '2026-12-01', endDate: '2026-12-10', reason: null },
    ]);
    await settle();
    const row = el.querySelector('tr[data-code=d-1]') as HTMLElement;
    expect(row.textContent).toContain('2026-12-01 – 2026-12-10');
    expect(row.querySelectorAll('button').length).toBe(1);

    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    row.querySelector<HTMLButtonElement>('[data-testid=delegation-delete]')!.click();
    await settle();
    expect(confirm).toHaveBeenCalledWith('Delete the delegation from 李娜 to 王芳?');
    backend.expectOne({ method: 'DELETE', url: '/api/organization/delegations/d-1' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    backend.expectOne('/api/organization/delegations').flush([]);
    await settle();
    expect(el.querySelector('tr[data-code]')).toBeNull();
    confirm.mockRestore();
  });
});
