import { BatchDto, PayableDto, ReconciliationEntryDto, StatementImportDto } from './data/payments.models';

export function payable(n: number, overrides: Partial<PayableDto> = {}): PayableDto {
  return {
    id: `pay-${n}`, claimId: `c-${n}`, claimNumber: `EXP-2026-00${n}`, employeeId: `p-${n}`, payeeName: `员工${n}`, legalEntityId: 'le-1',
    amount: 100 * n + 0.5, currency: 'CNY', approvedAt: '2026-11-20T08:00:00Z', status: 'Open', holdReason: null, accountName: `员工${n}`,
    accountNumberMasked: '***************4567', bankName: '中国工商银行', cnapsCode: '102100099996', batchId: null, ...overrides,
  };
}

export function batch(overrides: Partial<BatchDto> = {}): BatchDto {
  return {
    id: 'b-1', number: 'PAY-2026-000001', legalEntityId: 'le-1', currency: 'CNY', status: 'Draft', executionDate: '2026-11-26', total: 301, count: 2,
    createdBy: 'p-maker', createdByName: '王芳', createdAt: '2026-11-25T09:00:00Z', releasedBy: null, releasedByName: null, releasedAt: null,
    lines: [
      { id: 'l-1', position: 1, claimId: 'c-1', claimNumber: 'EXP-2026-001', endToEndId: 'PAY2026000001-1', amount: 100.5, currency: 'CNY', payeeName: '员工1',
        accountName: '员工1', accountNumberMasked: '***4567', bankName: '中国工商银行', cnapsCode: '102100099996', status: 'Pending', settledAt: null },
      { id: 'l-2', position: 2, claimId: 'c-2', claimNumber: 'EXP-2026-002', endToEndId: 'PAY2026000001-2', amount: 200.5, currency: 'CNY', payeeName: '员工2',
        accountName: '员工2', accountNumberMasked: '***7890', bankName: '中国银行', cnapsCode: null, status: 'Pending', settledAt: null },
    ],
    ...overrides,
  };
}

export function statementImport(overrides: Partial<StatementImportDto> = {}): StatementImportDto {
  return {
    id: 's-1', fileName: 'camt053.xml', format: 'camt053', sha256: 'a'.repeat(64), duplicate: false, entryCount: 5, matched: 3, returned: 1, unmatched: 1,
    ambiguous: 0, importedAt: '2026-11-27T10:00:00Z', ...overrides,
  };
}

export function entry(overrides: Partial<ReconciliationEntryDto> = {}): ReconciliationEntryDto {
  return {
    id: 'e-1', importId: 's-1', bookingDate: '2026-11-27', amount: 100.5, currency: 'CNY', isCredit: false, endToEndId: null, counterpartyName: '员工1',
    counterpartyAccount: '6222020200001234567', reference: null, details: '报销款', match: 'Ambiguous', batchLineId: null, note: null,
    candidates: [
      { batchLineId: 'l-1', batchNumber: 'PAY-2026-000001', claimNumber: 'EXP-2026-001', endToEndId: 'PAY2026000001-1', amount: 100.5, payeeName: '员工1', status: 'Pending' },
      { batchLineId: 'l-9', batchNumber: 'PAY-2026-000002', claimNumber: 'EXP-2026-009', endToEndId: 'PAY2026000002-1', amount: 100.5, payeeName: '员工1', status: 'Pending' },
    ],
    ...overrides,
  };
}
