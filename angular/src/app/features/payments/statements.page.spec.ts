import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, text, useLanguage } from '../../../testing/test-helpers';
import { StatementsPage } from './statements.page';
import { statementImport } from './testing';

describe('StatementsPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [StatementsPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('zh-CN');
    backend = TestBed.inject(HttpTestingController);
  });

  async function choose(el: HTMLElement, file: File) {
    const input = el.querySelector('input[data-testid=statement-input]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  it('uploads the chosen file at once and shows what matched', async () => {
    const fixture = TestBed.createComponent(StatementsPage);
    await fixture.whenStable();
    backend.expectOne('/api/payments/statements').flush([]);
    const el = fixture.nativeElement as HTMLElement;

    await choose(el, new File(['<Document/>'], 'camt053.xml', { type: 'text/xml' }));
    const req = backend.expectOne((r) => r.url === '/api/payments/statements' && r.method === 'POST');
    const form = req.request.body as FormData;
    expect((form.get('file') as File).name).toBe('camt053.xml');
    expect(form.has('format')).toBe(false);
    req.flush(statementImport({ matched: 3, returned: 1, unmatched: 1, ambiguous: 1 }));
    await fixture.whenStable();
    backend.expectOne((r) => r.url === '/api/payments/statements' && r.method === 'GET').flush([statementImport()]);
    await fixture.whenStable();

    const result = el.querySelector('[data-testid=statement-result]')!;
    expect(result.getAttribute('data-matched')).toBe('3');
    expect(result.getAttribute('data-duplicate')).toBe('false');
    expect(result.getAttribute('data-outcome')).toBe('attention');
    expect(result.textContent).toContain('有 2 笔交易需要人工对账');
    expect(el.querySelectorAll('[data-testid=statement-row]').length).toBe(1);
  });

  it('says a duplicate import changed nothing', async () => {
    const fixture = TestBed.createComponent(StatementsPage);
    await fixture.whenStable();
    backend.expectOne('/api/payments/statements').flush([]);
    const el = fixture.nativeElement as HTMLElement;
    await choose(el, new File([':20:STMT'], 'icbc.sta'));
    backend.expectOne((r) => r.method === 'POST').flush(statementImport({ duplicate: true, fileName: 'icbc.sta', format: 'mt940' }));
    await fixture.whenStable();
    backend.expectOne((r) => r.method === 'GET').flush([]);
    await fixture.whenStable();

    expect(el.querySelector('[data-testid=statement-result]')?.getAttribute('data-duplicate')).toBe('true');
    expect(text(el, '[data-testid=statement-duplicate]')).toContain('该文件已导入过——未做任何更改');
    expect(el.querySelector('[data-testid=count-matched]')).toBeNull();
  });
});
