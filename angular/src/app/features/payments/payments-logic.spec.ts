import { HttpHeaders } from '@angular/common/http';
import { ApiError } from '../../core/api/api-error';
import { payablesQueryParams, reconciliationQueryParams } from './data/payments.api';
import {
  IGNORE,
  PAIN_BUTTONS,
  downloadName,
  fileButtons,
  filesAvailable,
  guessStatementFormat,
  importSummary,
  isMakerCannotRelease,
  isPayableTaken,
  planBatch,
  releaseCheck,
  resolveRequest,
  shortHash,
  suggestedCandidate,
} from './payments-logic';
import { entry, payable, statementImport } from './testing';

describe('payments query building', () => {
  it('puts every payables filter into the query string, the currency upper-case', () => {
    const p = payablesQueryParams({ status: 'Held', legalEntityId: 'le-1', currency: ' usd ', approvedFrom: '2026-11-01', approvedTo: '2026-11-30' });
    expect(p.toString()).toBe('status=Held&legalEntityId=le-1&currency=USD&approvedFrom=2026-11-01&approvedTo=2026-11-30');
  });

  it('leaves out empty payables filters', () => {
    expect(payablesQueryParams({ status: null, legalEntityId: '', currency: '  ', approvedFrom: '', approvedTo: null }).toString()).toBe('');
  });

  it('asks the reconciliation queue for several match states as one comma-separated value', () => {
    expect(reconciliationQueryParams(['Unmatched', 'Ambiguous']).toString()).toBe('match=Unmatched,Ambiguous');
    expect(reconciliationQueryParams([]).toString()).toBe('');
  });
});

describe('building a batch', () => {
  const rows = [
    payable(1),
    payable(2),
    payable(3, { status: 'Held', holdReason: 'NoBankAccount' }),
    payable(4, { legalEntityId: 'le-2' }),
    payable(5, { currency: 'USD' }),
  ];

  it('sends exactly the selected open payables with their legal entity, currency and the execution date', () => {
    const plan = planBatch({}, rows, new Set(['pay-1', 'pay-2', 'pay-3']), '2026-12-01');
    expect(plan).toEqual({
      ok: true, mode: 'selected', count: 2, total: 301, currency: 'CNY',
      request: { legalEntityId: 'le-1', currency: 'CNY', payableIds: ['pay-1', 'pay-2'], executionDate: '2026-12-01' },
    });
  });

  it('refuses a selection across legal entities or currencies', () => {
    expect(planBatch({}, rows, new Set(['pay-1', 'pay-4']))).toEqual({ ok: false, reason: 'mixed' });
    expect(planBatch({}, rows, new Set(['pay-1', 'pay-5']))).toEqual({ ok: false, reason: 'mixed' });
    expect(planBatch({}, rows, new Set(['pay-3']))).toEqual({ ok: false, reason: 'nothingOpen' });
  });

  it('without a selection sends the filters (all matching open payables), which need a legal entity', () => {
    expect(planBatch({ currency: 'CNY' }, rows, new Set())).toEqual({ ok: false, reason: 'needsLegalEntity' });
    const plan = planBatch({ legalEntityId: 'le-1', currency: 'cny', approvedFrom: '2026-11-01', approvedTo: '' }, rows, new Set(), '');
    expect(plan.ok && plan.request).toEqual({ legalEntityId: 'le-1', currency: 'CNY', approvedFrom: '2026-11-01' });
    expect(plan.ok && [plan.mode, plan.count, plan.total]).toEqual(['all', 2, 301]);
    expect(planBatch({ legalEntityId: 'le-9' }, rows, new Set())).toEqual({ ok: false, reason: 'nothingOpen' });
  });

  it('recognises a batch someone else took first', () => {
    expect(isPayableTaken(new ApiError(409, 'taken', 'Payments.PayableTaken'))).toBe(true);
    expect(isPayableTaken(new ApiError(400, 'nothing', 'Payments.NothingToPay'))).toBe(false);
  });
});

describe('maker-checker', () => {
  const draft = { status: 'Draft' as const, createdBy: 'P-MAKER' };

  it('never lets the maker release their own batch', () => {
    expect(releaseCheck(draft, 'p-maker', true)).toEqual({ allowed: false, reason: 'maker' });
  });

  it('lets another finance user with the release permission release a draft', () => {
    expect(releaseCheck(draft, 'p-checker', true)).toEqual({ allowed: true, reason: null });
  });

  it('needs the permission, a person and a draft', () => {
    expect(releaseCheck(draft, 'p-checker', false).reason).toBe('permission');
    expect(releaseCheck(draft, null, true).reason).toBe('noPerson');
    expect(releaseCheck({ ...draft, status: 'Released' }, 'p-checker', true).reason).toBe('status');
  });

  it('recognises the server refusing the maker', () => {
    expect(isMakerCannotRelease(new ApiError(403, 'no', 'Payments.MakerCannotRelease'))).toBe(true);
    expect(isMakerCannotRelease(new ApiError(403, 'no', null))).toBe(false);
  });
});

describe('bank files', () => {
  it('exist only for released or closed batches', () => {
    expect(['Draft', 'Released', 'Cancelled', 'Closed'].filter((s) => filesAvailable(s as never))).toEqual(['Released', 'Closed']);
  });

  it('are saved under the server name, else one made from the batch number and format', () => {
    const h = new HttpHeaders({ 'Content-Disposition': "attachment; filename=PAY.xml; filename*=UTF-8''PAY-2026-000001%E4%BB%98%E6%AC%BE.xml" });
    expect(downloadName(h.get('Content-Disposition'), 'X', 'pain.001.001.09')).toBe('PAY-2026-000001付款.xml');
    expect(downloadName('attachment; filename="b.csv"', 'X', 'icbc-csv')).toBe('b.csv');
    expect(downloadName(null, 'PAY-2026-000001', 'pain.001.001.03')).toBe('PAY-2026-000001-pain.001.001.03.xml');
    expect(downloadName(null, 'PAY-1', 'icbc-xlsx')).toBe('PAY-1-icbc-xlsx.xlsx');
    expect(downloadName(null, 'PAY-1', 'ccb-2026-csv')).toBe('PAY-1-ccb-2026-csv.csv');
  });

  it('offer pain.001 always, then a CSV and an Excel button per active template with stable test ids', () => {
    const buttons = fileButtons([
      { format: 'pain.001.001.09', kind: 'iso20022', extension: 'xml', templateCode: null, templateName: null },
      { format: 'pain.001.001.03', kind: 'iso20022', extension: 'xml', templateCode: null, templateName: null },
      { format: 'ccb-csv', kind: 'template', extension: 'csv', templateCode: 'ccb', templateName: '示例：建设银行风格' },
      { format: 'ccb-xlsx', kind: 'template', extension: 'xlsx', templateCode: 'ccb', templateName: '示例：建设银行风格' },
      { format: 'icbc-csv', kind: 'template', extension: 'csv', templateCode: 'icbc', templateName: '' },
    ]);
    expect(buttons.map((b) => b.testId)).toEqual(['download-pain001-09', 'download-pain001-03', 'download-ccb-csv', 'download-ccb-xlsx', 'download-icbc-csv']);
    expect(buttons.map((b) => b.label).slice(2)).toEqual(['payments.files.templateCsv', 'payments.files.templateXlsx', 'payments.files.templateCsv']);
    expect(buttons[3].params).toEqual({ name: '示例：建设银行风格' });
    expect(buttons[4].params).toEqual({ name: 'icbc' });
    expect(fileButtons([])).toEqual([...PAIN_BUTTONS]);
  });

  it('shortens long hashes for display only', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef')).toBe('0123456789…89abcdef');
    expect(shortHash(null)).toBe('');
  });
});

describe('statement import summary', () => {
  it('says a duplicate changed nothing, whatever the counts', () => {
    expect(importSummary(statementImport({ duplicate: true, matched: 0, unmatched: 0 }))).toEqual({ outcome: 'duplicate', toReconcile: 0, settled: 0 });
  });

  it('counts what is left for reconciliation and what the import settled', () => {
    expect(importSummary(statementImport({ matched: 3, returned: 1, unmatched: 1, ambiguous: 2 }))).toEqual({ outcome: 'attention', toReconcile: 3, settled: 4 });
    expect(importSummary(statementImport({ matched: 4, returned: 1, unmatched: 0, ambiguous: 0 })).outcome).toBe('clean');
    expect(importSummary(statementImport({ entryCount: 0, matched: 0, returned: 0, unmatched: 0 })).outcome).toBe('empty');
  });

  it('counts a credit that only looks like a return as work for reconciliation, not as settled', () => {
    expect(importSummary(statementImport({ matched: 1, returned: 0, unmatched: 0, ambiguous: 0, probableReturns: 1 }))).toEqual({ outcome: 'attention', toReconcile: 1, settled: 1 });
  });

  it('guesses the format from the extension', () => {
    expect(['a.XML', 'b.sta', 'c.txt', 'd.csv', 'e.pdf'].map(guessStatementFormat)).toEqual(['camt053', 'mt940', 'mt940', 'csv', null]);
  });
});

describe('reconciliation choice', () => {
  const e = entry();

  it('resolves to one of the candidates, the note only when given', () => {
    expect(resolveRequest(e, { pick: 'l-9', note: '  ' })).toEqual({ batchLineId: 'l-9' });
    expect(resolveRequest(e, { pick: 'l-1', note: ' 按金额核对 ' })).toEqual({ batchLineId: 'l-1', note: '按金额核对' });
  });

  it('refuses a line that is not a candidate, or no choice', () => {
    expect(resolveRequest(e, { pick: 'l-x', note: '' })).toBeNull();
    expect(resolveRequest(e, { pick: null, note: 'x' })).toBeNull();
  });

  it('ignores only with a note', () => {
    expect(resolveRequest(e, { pick: IGNORE, note: '' })).toBeNull();
    expect(resolveRequest(entry({ candidates: [] }), { pick: IGNORE, note: '银行手续费' })).toEqual({ ignore: true, note: '银行手续费' });
  });

  it('preselects the candidate with the same end-to-end id, or the only one', () => {
    expect(suggestedCandidate(e)).toBeNull();
    expect(suggestedCandidate(entry({ endToEndId: 'PAY2026000002-1' }))).toBe('l-9');
    expect(suggestedCandidate(entry({ candidates: [e.candidates[0]] }))).toBe('l-1');
  });
});
