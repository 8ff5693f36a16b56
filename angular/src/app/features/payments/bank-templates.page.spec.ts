import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { BankTemplateEditorPage } from './bank-template-editor.page';
import { ReferenceTable } from '../../shared/reference-table';
import { BANK_TEMPLATES } from './bank-templates-table';
import { BankTemplateDto } from './data/bank-templates.models';
import { ccbTemplate } from './bank-templates.testing';

describe('bank templates pages', () => {
  let backend: HttpTestingController;

  async function setUp(lang: 'en' | 'zh-CN' = 'en') {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => backend.verify());

  const type = (input: HTMLInputElement | HTMLSelectElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  };

  async function openEditor(code?: string) {
    const fixture = TestBed.createComponent(BankTemplateEditorPage);
    if (code) fixture.componentRef.setInput('code', code);
    await fixture.whenStable();
    if (code) backend.expectOne(`/api/payments/templates/${code}`).flush(ccbTemplate());
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = () => [...el.querySelectorAll<HTMLTableRowElement>('tr[data-testid=template-column]')];
    return { fixture, el, rows };
  }

  it('lists the templates with their formats and switches one off', async () => {
    await setUp('zh-CN');
    const fixture = TestBed.createComponent(ReferenceTable<BankTemplateDto>);
    fixture.componentRef.setInput('config', BANK_TEMPLATES);
    await fixture.whenStable();
    backend.expectOne('/api/payments/templates').flush([ccbTemplate(), ccbTemplate({ code: 'icbc', name: '示例：中国工商银行 批量付款', isActive: false, formats: ['icbc-csv', 'icbc-xlsx'] })]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(text(el, 'h1')).toBe('银行模板');
    const rows = el.querySelectorAll('tr[data-testid=template-row]');
    expect([...rows].map((r) => [r.getAttribute('data-code'), r.getAttribute('data-active')])).toEqual([['ccb', 'true'], ['icbc', 'false']]);
    expect(rows[0].textContent).toContain('ccb-csv, ccb-xlsx');
    expect(rows[0].textContent).toContain('中国建设银行');
    expect(rows[1].querySelector('[data-testid=template-activate]')).not.toBeNull();

    rows[0].querySelector<HTMLButtonElement>('[data-testid=template-deactivate]')!.click();
    const req = backend.expectOne('/api/payments/templates/ccb/deactivate');
    expect(req.request.method).toBe('POST');
    req.flush(ccbTemplate({ isActive: false, version: 42 }));
    await fixture.whenStable();
    expect(el.querySelector('tr[data-testid=template-row]')?.getAttribute('data-active')).toBe('false');
  });

  it('loads a template into the column table and saves it with its version, leaving out settings the fields do not take', async () => {
    await setUp();
    const { fixture, el, rows } = await openEditor('ccb');

    expect((el.querySelector('input[name=code]') as HTMLInputElement).readOnly).toBe(true);
    expect(rows().map((r) => r.getAttribute('data-field'))).toEqual(['PayeeAccount', 'PayeeName', 'Amount', 'Constant']);
    expect((rows()[1].querySelector('input[name=maxLength]') as HTMLInputElement).value).toBe('30');
    expect((rows()[3].querySelector('input[name=value]') as HTMLInputElement).value).toBe('人民币');
    expect(text(el, '[data-testid=template-preview]')).toBe('收款人账号|收款人名称|金额|币种');

    type(rows()[0].querySelector('input[name=header]')!, '收款账号');
    type(rows()[1].querySelector('select[name=field]')!, 'Remark');
    el.querySelector<HTMLButtonElement>('[data-testid=column-add]')!.click();
    await fixture.whenStable();
    type(rows()[4].querySelector('input[name=header]')!, '付款日期');
    type(rows()[4].querySelector('select[name=field]')!, 'ExecutionDate');
    await fixture.whenStable();
    expect((rows()[4].querySelector('input[name=format]') as HTMLInputElement).value).toBe('yyyyMMdd');
    expect(text(el, '[data-testid=template-missing]')).toContain('Payee name');
    type(el.querySelector('select[name=csvDelimiter]')!, ',');
    rows()[3].querySelector<HTMLButtonElement>('[data-testid=column-up]')!.click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=template-save]')!.click();

    const req = backend.expectOne({ method: 'PUT', url: '/api/payments/templates/ccb' });
    expect(req.request.body.version).toBe(41);
    expect(req.request.body.name).toBe('示例：建设银行风格');
    expect(req.request.body.profile).toMatchObject({ bankName: '中国建设银行', csvEncoding: 'Utf8WithBom', csvDelimiter: ',', sheetName: '代发明细' });
    expect(req.request.body.profile.text).toEqual(ccbTemplate().profile.text);
    expect(req.request.body.profile.columns).toEqual([
      { header: '收款账号', field: 'PayeeAccount' },
      { header: '收款人名称', field: 'Remark', maxLength: 30 },
      { header: '币种', field: 'Constant', value: '人民币' },
      { header: '金额', field: 'Amount', format: '#,##0.00' },
      { header: '付款日期', field: 'ExecutionDate', format: 'yyyyMMdd' },
    ]);
    req.flush(ccbTemplate({ version: 42 }));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=template-errors]')).toBeNull();
  });

  it('shows each problem of a refused save next to its column, the others above', async () => {
    await setUp();
    const { fixture, el, rows } = await openEditor('ccb');
    el.querySelector<HTMLButtonElement>('[data-testid=template-save]')!.click();
    backend.expectOne({ method: 'PUT', url: '/api/payments/templates/ccb' }).flush(
      {
        code: 'Payments.InvalidTemplate', status: 400, detail: 'The bank template cannot be saved: …',
        errors: [
          { path: 'profile.columns[2].format', code: 'InvalidFormat', message: "Column 3 (金额): '0' is not an amount format that keeps the cents." },
          { path: 'profile.csvDelimiter', code: 'UnknownDelimiter', message: "The CSV delimiter '#' is not offered." },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const general = el.querySelectorAll('[data-testid=template-errors] [data-testid=template-error]');
    expect([...general].map((e) => e.getAttribute('data-path'))).toEqual(['profile.csvDelimiter']);
    expect(rows()[2].classList.contains('has-errors')).toBe(true);
    const columnError = rows()[2].nextElementSibling?.querySelector('[data-testid=template-error]');
    expect(columnError?.getAttribute('data-path')).toBe('profile.columns[2].format');
    expect(columnError?.textContent).toContain('keeps the cents');
    expect(el.querySelector('[data-testid=form-error]')).toBeNull();
  });

  it('says when someone else saved first and reloads their version', async () => {
    await setUp('zh-CN');
    const { fixture, el } = await openEditor('ccb');
    el.querySelector<HTMLButtonElement>('[data-testid=template-save]')!.click();
    backend.expectOne({ method: 'PUT', url: '/api/payments/templates/ccb' }).flush(
      { code: 'General.ConcurrencyConflict', status: 409, detail: '该记录已被他人同时修改，请刷新后重试。' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(text(el, '[data-testid=form-error]')).toContain('该记录已被他人同时修改');

    el.querySelector<HTMLButtonElement>('[data-testid=template-reload]')!.click();
    backend.expectOne('/api/payments/templates/ccb').flush(ccbTemplate({ version: 50, name: '他人修改' }));
    await fixture.whenStable();
    expect((el.querySelector('input[name=name]') as HTMLInputElement).value).toBe('他人修改');
    expect(el.querySelector('[data-testid=form-error]')).toBeNull();
  });

  it('creates a template from the usual columns without a version and opens it', async () => {
    await setUp();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { fixture, el, rows } = await openEditor();

    expect((el.querySelector('input[name=code]') as HTMLInputElement).readOnly).toBe(false);
    expect(rows().map((r) => r.getAttribute('data-field'))).toContain('Amount');
    expect(el.querySelector('[data-testid=template-missing]')).toBeNull();
    type(el.querySelector('input[name=code]')!, 'ccb');
    type(el.querySelector('input[name=name]')!, '示例：建设银行风格');
    type(el.querySelector('input[name=bankName]')!, '中国建设银行');
    el.querySelector<HTMLButtonElement>('[data-testid=template-save]')!.click();

    const req = backend.expectOne({ method: 'PUT', url: '/api/payments/templates/ccb' });
    expect('version' in req.request.body).toBe(false);
    expect(req.request.body.profile.csvEncoding).toBe('Gb18030');
    expect(req.request.body.profile.columns.find((c: { field: string }) => c.field === 'Amount')).toEqual({ header: '金额', field: 'Amount', format: '0.00' });
    req.flush(ccbTemplate(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/payments/templates', 'ccb']);
  });
});
