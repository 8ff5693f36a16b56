import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { BankTemplatesApi } from './bank-templates.api';
import { PaymentsApi } from './payments.api';

describe('BankTemplatesApi', () => {
  let api: BankTemplatesApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(BankTemplatesApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists and reads templates at the server paths', () => {
    api.list().subscribe();
    api.get('ccb-2026').subscribe();
    expect(backend.expectOne('/api/payments/templates').request.method).toBe('GET');
    expect(backend.expectOne('/api/payments/templates/ccb-2026').request.method).toBe('GET');
  });

  it('saves with PUT to the code, sending the name, the profile and the version it started from', async () => {
    const profile = { bankName: '中国建设银行', columns: [{ header: '金额', field: 'Amount' as const, format: '0.00' }] };
    const done = firstValueFrom(api.save('ccb', { name: '示例：建设银行风格', profile, version: 7 }));
    const req = backend.expectOne('/api/payments/templates/ccb');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ name: '示例：建设银行风格', profile, version: 7 });
    req.flush({ code: 'ccb', version: 8 });
    expect((await done).version).toBe(8);
  });

  it('switches a template on and off with POST, escaping the code', () => {
    api.activate('ccb').subscribe();
    api.deactivate('a b').subscribe();
    expect(backend.expectOne('/api/payments/templates/ccb/activate').request.method).toBe('POST');
    expect(backend.expectOne('/api/payments/templates/a%20b/deactivate').request.method).toBe('POST');
  });

  it('reads the download formats on offer from the payments client', () => {
    TestBed.inject(PaymentsApi).fileFormats().subscribe();
    expect(backend.expectOne('/api/payments/file-formats').request.method).toBe('GET');
  });
});
