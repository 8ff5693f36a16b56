import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { throwError, of } from 'rxjs';
import { ApiError } from '../core/api/api-error';
import { LegalEntityInput } from '../features/organization/data/organization.models';
import { provideTestTranslations, text, useLanguage } from '../../testing/test-helpers';
import { FormDialog, FormDialogData } from './form-dialog';

describe('FormDialog', () => {
  async function render(save: FormDialogData<LegalEntityInput>['save'], extraFields: FormDialogData<LegalEntityInput>['fields'] = []) {
    const close = vi.fn();
    const data: FormDialogData<LegalEntityInput> = {
      title: 'legalEntities.new',
      editing: false,
      fields: [
        { key: 'name', label: 'legalEntities.name', type: 'text', required: true },
        { key: 'taxId', label: 'legalEntities.taxId', type: 'text', required: true },
        ...extraFields,
      ],
      save,
    };
    TestBed.configureTestingModule({
      imports: [FormDialog],
      providers: [
        provideTestTranslations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    await useLanguage('en');
    const fixture = TestBed.createComponent(FormDialog<LegalEntityInput>);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = (name: string, value: string) => {
      const input = el.querySelector(`input[name=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      (el.querySelector('button[type=submit]') as HTMLButtonElement).click();
      await fixture.whenStable();
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    return { el, type, submit, close };
  }

  it("shows the server's detail and puts its validation message under the field", async () => {
    const save = vi.fn(() =>
      throwError(() => new ApiError(400, 'The unified social credit code is not valid.', 'Organization.InvalidTaxId', {
        taxId: ['The check character should be X.'],
      })),
    );
    const { el, type, submit, close } = await render(save);
    type('name', '上海示例有限公司');
    type('taxId', '91310000MA1FL8XQ30');
    await submit();

    expect(save).toHaveBeenCalledWith({ name: '上海示例有限公司', taxId: '91310000MA1FL8XQ30' });
    expect(text(el, '[data-testid="form-error"]')).toBe('The unified social credit code is not valid.');
    const taxField = el.querySelector('input[name=taxId]')!.closest('mat-form-field') as HTMLElement;
    expect(text(taxField, 'mat-error')).toBe('The check character should be X.');
    expect(close).not.toHaveBeenCalled();
  });

  it('does not call the server while required fields are empty, and closes after a successful save', async () => {
    const save = vi.fn(() => of({ id: 'le-1' }));
    const { el, type, submit, close } = await render(save);
    await submit();
    expect(save).not.toHaveBeenCalled();
    expect(text(el, 'mat-error')).toBe('Required.');

    type('name', 'A');
    type('taxId', 'B');
    await submit();
    expect(close).toHaveBeenCalledWith({ id: 'le-1' });
  });

  it('sends numbers as numbers and blank optional text as null', async () => {
    const save = vi.fn((_: LegalEntityInput) => of({ id: 'le-2' }));
    const { type, submit } = await render(save, [
      { key: 'address', label: 'legalEntities.address', type: 'text' },
      { key: 'rank', label: 'grades.rank', type: 'number' },
    ]);
    type('name', 'A');
    type('taxId', 'B');
    type('rank', '3');
    await submit();
    expect(save).toHaveBeenCalledWith({ name: 'A', taxId: 'B', address: null, rank: 3 });
  });

  it('lets a person field search the colleague lookup instead of the people list', async () => {
    const save = vi.fn((_: LegalEntityInput) => of({ id: 'd-1' }));
    const { el, type } = await render(save, [
      { key: 'toPersonId', label: 'approvals.ooo.to', type: 'person', required: true, personSource: 'lookup' },
    ]);
    const backend = TestBed.inject(HttpTestingController);
    type('toPersonId', 'E00');
    await new Promise((r) => setTimeout(r, 300));
    const req = backend.expectOne((r) => r.url === '/api/organization/people/lookup');
    expect(req.request.params.get('search')).toBe('E00');
    backend.expectNone((r) => r.url === '/api/organization/people');
    req.flush([{ id: 'p-2', employeeNo: 'E002', displayName: '王芳', departmentName: 'Finance' }]);
    expect(el.querySelector('input[name=toPersonId]')).not.toBeNull();
  });
});
