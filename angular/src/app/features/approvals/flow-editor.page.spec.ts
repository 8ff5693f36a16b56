import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FlowDto } from './data/approvals.models';
import { errorInterceptor } from '../../core/http/error.interceptor';
import { provideTestTranslations, useLanguage } from '../../../testing/test-helpers';
import { FlowEditorPage } from './flow-editor.page';
import { previewRequest } from './flow-preview';

const flow: FlowDto = {
  id: 'f-1', code: 'DEFAULT', name: 'Default', priority: 1000, isDefault: true, isActive: true, version: 2,
  versions: [{ version: 2, createdAt: '2026-11-24T08:00:00Z', createdByName: 'Admin' }, { version: 1, createdAt: '2026-11-20T08:00:00Z', createdByName: null }],
  definition: {
    dedupe: true, fallback: { type: 'role', role: 'Admin' },
    steps: [
      { key: 'manager', name: '直属上级审批', nameEn: 'Direct manager', kind: 'approval', mode: 'sequential', approvers: [{ type: 'manager', levels: 1 }] },
      { key: 'finance', name: '财务审核', kind: 'financeReview', mode: 'any', approvers: [{ type: 'role', role: 'Finance' }] },
    ],
  },
};

describe('preview request', () => {
  const definition = flow.definition;
  it('sends the draft with an existing claim or a sample, and says what is missing', () => {
    const base = { source: 'sample' as const, claimId: '', submitterId: 'p-1', amount: '1200', categories: ['TRAVEL'], costCentres: 'CC-1, CC-2' };
    expect(previewRequest(base, definition, 'f-1')).toEqual({
      flowId: 'f-1', definition, sample: { submitterId: 'p-1', amount: 1200, categories: ['TRAVEL'], costCentres: ['CC-1', 'CC-2'] },
    });
    expect(previewRequest({ ...base, submitterId: null }, definition, null)).toBe('approvals.preview.needSample');
    expect(previewRequest({ ...base, source: 'claim', claimId: ' c-7 ' }, definition, null)).toEqual({ flowId: null, definition, claimId: 'c-7' });
    expect(previewRequest({ ...base, source: 'claim' }, definition, null)).toBe('approvals.preview.needClaim');
  });
});

describe('FlowEditorPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FlowEditorPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting(), provideTestTranslations()],
    });
    await useLanguage('en');
    backend = TestBed.inject(HttpTestingController);
  });

  async function open() {
    const fixture = TestBed.createComponent(FlowEditorPage);
    fixture.componentRef.setInput('id', 'f-1');
    await fixture.whenStable();
    backend.expectOne('/api/approvals/flows/f-1').flush(flow);
    backend.match('/api/expenses/categories').forEach((r) => r.flush([]));
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('loads the flow into the form, one card per step', async () => {
    const { el } = await open();
    expect(el.querySelector('[data-testid=flow-version]')?.textContent).toContain('v2');
    expect((el.querySelector('input[name=code]') as HTMLInputElement).value).toBe('DEFAULT');
    const steps = el.querySelectorAll('[data-testid=flow-step]');
    expect(steps.length).toBe(2);
    expect((steps[1].querySelector('input[name=key]') as HTMLInputElement).value).toBe('finance');
  });

  it('validates and shows each error next to its step, the others above', async () => {
    const { fixture, el } = await open();
    el.querySelector<HTMLButtonElement>('[data-testid=flow-validate]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/approvals/flows/validate' });
    expect(req.request.body.isDefault).toBe(true);
    expect(req.request.body.definition.steps.map((s: { key: string }) => s.key)).toEqual(['manager', 'finance']);
    req.flush({
      valid: false,
      errors: [
        { path: 'steps[1].approvers[0].role', code: 'UnknownRole', message: "There is no role 'Finanse'." },
        { path: 'fallback.role', code: 'UnknownRole', message: "There is no role 'Admn'." },
      ],
    });
    await fixture.whenStable();
    const steps = el.querySelectorAll('[data-testid=flow-step]');
    expect(steps[0].querySelector('[data-testid=flow-error]')).toBeNull();
    const stepError = steps[1].querySelector('[data-testid=flow-error]');
    expect(stepError?.getAttribute('data-path')).toBe('steps[1].approvers[0].role');
    expect(stepError?.textContent).toContain('approvers[0].role');
    expect(stepError?.textContent).toContain("There is no role 'Finanse'.");
    expect(el.querySelector('[data-testid=flow-errors] [data-testid=flow-error]')?.getAttribute('data-path')).toBe('fallback.role');
  });

  it('saves a new version and places the errors of a rejected save', async () => {
    const { fixture, el } = await open();
    el.querySelector<HTMLButtonElement>('[data-testid=step-down]')!.click();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid=flow-save]')!.click();
    const req = backend.expectOne({ method: 'PUT', url: '/api/approvals/flows/f-1' });
    expect(req.request.body).toMatchObject({ code: 'DEFAULT', name: 'Default', priority: 1000, isActive: true });
    expect(req.request.body.definition.steps.map((s: { key: string }) => s.key)).toEqual(['finance', 'manager']);
    req.flush(
      { title: 'Invalid', detail: 'The flow definition is not valid; see the errors listed.', code: 'Approvals.InvalidDefinition', status: 400,
        errors: [{ path: 'steps[0].mode', code: 'Unknown', message: 'Unknown mode.' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const first = el.querySelectorAll('[data-testid=flow-step]')[0];
    expect(first.querySelector('[data-testid=flow-error]')?.textContent).toContain('Unknown mode.');
    expect(el.querySelector('[data-testid=flow-errors]')).toBeNull();
  });

  it('previews the draft for a sample and lists the steps with their approvers and notes', async () => {
    const { fixture, el } = await open();
    el.querySelector<HTMLElement>('[data-testid=preview-source-claim] button')!.click();
    await fixture.whenStable();
    const claimId = el.querySelector('input[name=claimId]') as HTMLInputElement;
    claimId.value = 'c-42';
    claimId.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid=preview-run]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/approvals/flows/preview' });
    expect(req.request.body).toMatchObject({ flowId: 'f-1', claimId: 'c-42' });
    expect(req.request.body.definition.steps.length).toBe(2);
    req.flush({
      flowId: 'f-1', flowName: 'draft', flowVersion: null,
      steps: [
        { key: 'manager', name: '直属上级审批', kind: 'approval', mode: 'sequential', applies: true, note: null,
          approvers: [{ personId: 'p-5', name: '张伟', note: 'fallback, delegated:赵敏' }] },
        { key: 'finance', name: '财务审核', kind: 'financeReview', mode: 'any', applies: false, note: 'condition-not-met', approvers: [] },
      ],
    });
    await fixture.whenStable();
    const steps = [...el.querySelectorAll('[data-testid=preview-step]')];
    expect(steps.map((s) => s.getAttribute('data-applies'))).toEqual(['true', 'false']);
    expect(steps[0].textContent).toContain('张伟');
    expect(steps[0].textContent).toContain('Fallback approver');
    expect(steps[0].textContent).toContain('Delegated to 赵敏');
    expect(steps[1].textContent).toContain('skipped');
  });
});
