import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CurrentUser } from '../../core/api/models';
import { AuthService } from '../../core/auth/auth.service';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage, user } from '../../../testing/test-helpers';
import { BatchDetailPage } from './batch-detail.page';
import { batch } from './testing';

describe('BatchDetailPage', () => {
  let backend: HttpTestingController;

  async function render(current: CurrentUser, lang: 'en' | 'zh-CN' = 'en') {
    TestBed.configureTestingModule({
      imports: [BatchDetailPage],
      providers: [
        provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations(),
        {
          provide: AuthService,
          useValue: { currentUser: signal(current), hasPermission: (p: string) => current.permissions.includes(p) },
        },
      ],
    });
    await useLanguage(lang);
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(BatchDetailPage);
    fixture.componentRef.setInput('id', 'b-1');
    await fixture.whenStable();
    backend.expectOne('/api/organization/legal-entities').flush([{ id: 'le-1', name: '示例科技有限公司', taxId: 'x' }]);
    backend.expectOne('/api/payments/file-formats').flush(formats);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const formats = [
    { format: 'pain.001.001.09', kind: 'iso20022', extension: 'xml', templateCode: null, templateName: null },
    { format: 'pain.001.001.03', kind: 'iso20022', extension: 'xml', templateCode: null, templateName: null },
    { format: 'ccb-csv', kind: 'template', extension: 'csv', templateCode: 'ccb', templateName: '示例：建设银行风格' },
    { format: 'ccb-xlsx', kind: 'template', extension: 'xlsx', templateCode: 'ccb', templateName: '示例：建设银行风格' },
    { format: 'icbc-csv', kind: 'template', extension: 'csv', templateCode: 'icbc', templateName: '示例：中国工商银行 批量付款' },
    { format: 'icbc-xlsx', kind: 'template', extension: 'xlsx', templateCode: 'icbc', templateName: '示例：中国工商银行 批量付款' },
  ];

  const finance = (personId: string): CurrentUser => ({ ...user(['Payments.Manage', 'Payments.Release'], ['Finance']), personId });

  it('shows the maker that another finance user must release, with the release button disabled', async () => {
    const { fixture, el } = await render(finance('p-maker'));
    backend.expectOne('/api/payments/batches/b-1').flush(batch());
    await fixture.whenStable();

    expect(text(el, '[data-testid=batch-number]')).toBe('PAY-2026-000001');
    expect(el.querySelector('[data-testid=batch-status]')?.getAttribute('data-status')).toBe('Draft');
    expect(text(el, '[data-testid=batch-total]')).toBe('301.00 CNY');
    expect(el.querySelectorAll('[data-testid=batch-line]').length).toBe(2);
    const release = el.querySelector('[data-testid=batch-release]') as HTMLButtonElement;
    expect(release.disabled).toBe(true);
    const note = el.querySelector('[data-testid=maker-checker-note]');
    expect(note?.getAttribute('data-reason')).toBe('maker');
    expect(note?.textContent).toContain('another finance user must check and release it');
    expect((el.querySelector('[data-testid=batch-cancel]') as HTMLButtonElement).disabled).toBe(false);
    expect((el.querySelector('[data-testid=download-pain001-09]') as HTMLButtonElement).disabled).toBe(true);
    expect(el.querySelector('[data-testid=files-unavailable]')).not.toBeNull();
    release.click();
    backend.expectNone('/api/payments/batches/b-1/release');
  });

  it('shows the checker, beside each line, when and by whom its account changed and who confirmed it', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      TestBed.resetTestingModule();
      const { fixture, el } = await render(finance('p-checker'), lang);
      const b = batch();
      b.lines[0] = { ...b.lines[0], accountChangedAt: '2026-11-24T02:30:00Z', accountChangedBy: '系统管理员', accountConfirmedBy: '张会计' };
      b.lines[1] = { ...b.lines[1], accountChangedAt: '2026-11-23T02:30:00Z', accountChangedBy: '员工2', accountConfirmedBy: null };
      backend.expectOne('/api/payments/batches/b-1').flush(b);
      await fixture.whenStable();

      const notes = Array.from(el.querySelectorAll('[data-testid=account-change]'));
      expect(notes.length).toBe(2);
      expect(notes[0].getAttribute('data-confirmed')).toBe('true');
      expect(notes[1].getAttribute('data-confirmed')).toBe('false');
      if (lang === 'en') {
        expect(notes[0].textContent).toMatch(/Account changed on 2026-11-2\d \d\d:30 by 系统管理员, confirmed by 张会计/);
        expect(notes[1].textContent).not.toContain('confirmed');
      } else {
        expect(notes[0].textContent).toMatch(/账户于 2026-11-2\d \d\d:30 由系统管理员变更，张会计已确认/);
      }
    }
  });

  it('adds no note to a line whose account never changed since set-up', async () => {
    const { fixture, el } = await render(finance('p-checker'));
    backend.expectOne('/api/payments/batches/b-1').flush(batch());
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=account-change]')).toBeNull();
  });

  it('lets the checker release, then lists the stored files with their SHA-256 and who generated them', async () => {
    const { fixture, el } = await render(finance('p-checker'), 'zh-CN');
    backend.expectOne('/api/payments/batches/b-1').flush(batch());
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=maker-checker-note]')).toBeNull();

    const release = el.querySelector('[data-testid=batch-release]') as HTMLButtonElement;
    expect(release.textContent).toContain('复核发放');
    release.click();
    const req = backend.expectOne('/api/payments/batches/b-1/release');
    expect(req.request.method).toBe('POST');
    req.flush(batch({ status: 'Released', releasedBy: 'p-checker', releasedByName: '赵敏', releasedAt: '2026-11-25T10:00:00Z' }));
    await fixture.whenStable();
    backend.expectOne('/api/payments/batches/b-1/files').flush([
      { id: 'f-1', format: 'pain.001.001.09', fileName: 'PAY-2026-000001.xml', contentType: 'application/xml', sha256: 'ab'.repeat(32), size: 2048, generatedByName: '赵敏', generatedAt: '2026-11-25T10:01:00Z' },
    ]);
    await fixture.whenStable();

    expect(el.querySelector('[data-testid=batch-status]')?.getAttribute('data-status')).toBe('Released');
    expect(text(el, '[data-testid=batch-checker]')).toContain('赵敏');
    expect(el.querySelector('[data-testid=batch-release]')).toBeNull();
    expect(el.querySelector('[data-testid=batch-cancel]')).toBeNull();
    const rows = el.querySelectorAll('[data-testid=batch-file]');
    expect(rows.length).toBe(1);
    expect(rows[0].textContent).toContain('ab'.repeat(32));
    expect(rows[0].textContent).toContain('赵敏');
    expect((el.querySelector('[data-testid=download-icbc-xlsx]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers a CSV and an Excel download per active template, named after it', async () => {
    const { fixture, el } = await render(finance('p-checker'), 'zh-CN');
    backend.expectOne('/api/payments/batches/b-1').flush(batch({ status: 'Released' }));
    await fixture.whenStable();
    backend.expectOne('/api/payments/batches/b-1/files').flush([]);
    await fixture.whenStable();

    const ids = [...el.querySelectorAll('[data-testid^=download-]')].map((b) => b.getAttribute('data-testid'));
    expect(ids.filter((id) => !id!.startsWith('download-journal'))).toEqual([
      'download-pain001-09', 'download-pain001-03', 'download-ccb-csv', 'download-ccb-xlsx', 'download-icbc-csv', 'download-icbc-xlsx',
    ]);
    expect(text(el, '[data-testid=download-ccb-xlsx]')).toContain('示例：建设银行风格 Excel');
    expect(el.querySelector('[data-testid=manage-templates]')?.getAttribute('href')).toBe('/payments/templates');
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    (el.querySelector('[data-testid=download-ccb-csv]') as HTMLButtonElement).click();
    backend.expectOne('/api/payments/batches/b-1/files/ccb-csv').flush(new Blob(['序号|金额']));
    await fixture.whenStable();
    expect(click).toHaveBeenCalled();
    backend.expectOne('/api/payments/batches/b-1/files').flush([]);
    click.mockRestore();
  });

  it('keeps the pain.001 buttons when the formats cannot be read', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [BatchDetailPage],
      providers: [
        provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations(),
        { provide: AuthService, useValue: { currentUser: signal(finance('p-checker')), hasPermission: () => true } },
      ],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(BatchDetailPage);
    fixture.componentRef.setInput('id', 'b-1');
    await fixture.whenStable();
    backend.expectOne('/api/organization/legal-entities').flush([]);
    backend.expectOne('/api/payments/file-formats').flush({ code: 'General.Unexpected' }, { status: 500, statusText: 'Error' });
    backend.expectOne('/api/payments/batches/b-1').flush(batch({ status: 'Released' }));
    await fixture.whenStable();
    backend.expectOne('/api/payments/batches/b-1/files').flush([]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid=download-pain001-09]')).not.toBeNull();
    expect(el.querySelector('[data-testid=download-icbc-csv]')).toBeNull();
  });

  it('downloads a bank file as a blob and refreshes the stored files', async () => {
    const { fixture, el } = await render(finance('p-checker'));
    backend.expectOne('/api/payments/batches/b-1').flush(batch({ status: 'Released' }));
    await fixture.whenStable();
    backend.expectOne('/api/payments/batches/b-1/files').flush([]);
    await fixture.whenStable();

    const createUrl = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    (el.querySelector('[data-testid=download-pain001-03]') as HTMLButtonElement).click();
    const req = backend.expectOne('/api/payments/batches/b-1/files/pain.001.001.03');
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['<Document/>']), { headers: { 'Content-Disposition': 'attachment; filename="PAY-2026-000001.xml"' } });
    await fixture.whenStable();
    expect(createUrl).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    backend.expectOne('/api/payments/batches/b-1/files').flush([]);
    click.mockRestore();
  });

  it('offers the journal (记账凭证) only for a released batch and downloads it as CSV or xlsx', async () => {
    const { fixture, el } = await render(finance('p-checker'), 'zh-CN');
    backend.expectOne('/api/payments/batches/b-1').flush(batch({ status: 'Closed' }));
    await fixture.whenStable();
    backend.expectOne('/api/payments/batches/b-1/files').flush([]);
    await fixture.whenStable();

    const csv = el.querySelector('[data-testid=download-journal-csv]') as HTMLButtonElement;
    expect(csv.textContent).toContain('记账凭证 CSV');
    expect(text(el, '[data-testid=download-journal-xlsx]')).toContain('记账凭证 Excel');
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    csv.click();
    const req = backend.expectOne((r) => r.url === '/api/payments/batches/b-1/journal');
    expect(req.request.params.get('format')).toBe('csv');
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['a,b']));
    await fixture.whenStable();
    expect(click).toHaveBeenCalled();
    (el.querySelector('[data-testid=download-journal-xlsx]') as HTMLButtonElement).click();
    expect(backend.expectOne((r) => r.url === '/api/payments/batches/b-1/journal').request.params.get('format')).toBe('xlsx');
    click.mockRestore();
  });

  it('has no journal buttons for a draft', async () => {
    const { fixture, el } = await render(finance('p-checker'));
    backend.expectOne('/api/payments/batches/b-1').flush(batch());
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=download-journal-csv]')).toBeNull();
    expect(el.querySelector('[data-testid=download-journal-xlsx]')).toBeNull();
  });

  it('shows the maker-checker note when the server refuses the release', async () => {
    const { fixture, el } = await render(finance('p-other'));
    backend.expectOne('/api/payments/batches/b-1').flush(batch());
    await fixture.whenStable();
    (el.querySelector('[data-testid=batch-release]') as HTMLButtonElement).click();
    backend
      .expectOne('/api/payments/batches/b-1/release')
      .flush({ code: 'Payments.MakerCannotRelease', title: 'Forbidden', detail: 'The person who built a batch cannot release it' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=maker-checker-note]')?.getAttribute('data-reason')).toBe('maker');
    expect((el.querySelector('[data-testid=batch-release]') as HTMLButtonElement).disabled).toBe(true);
  });
});
