import { ReceiptDto } from '../../core/api/expenses.models';
import { emptyInvoice } from './receipt-logic';

/** A receipt as the server returns it; recognition finished with a VAT invoice unless overridden. */
export function receipt(overrides: Partial<ReceiptDto> = {}): ReceiptDto {
  return {
    id: 'r-1',
    fileName: 'invoice.jpg',
    contentType: 'image/jpeg',
    size: 123456,
    contentHash: 'abc',
    uploadedAt: '2026-11-25T09:00:00Z',
    status: 'Succeeded',
    attempts: 1,
    error: null,
    documentKind: 'vat-invoice',
    proposed: {
      ...emptyInvoice(),
      invoiceType: '增值税普通发票',
      invoiceCode: '044031900111',
      invoiceNumber: '12345678',
      issueDate: '2026-11-03',
      amountExcludingTax: 100,
      taxAmount: 6,
      totalAmount: 106,
      sellerName: '深圳市某某餐饮有限公司',
      sellerTaxId: '91440300MA5XXXXXX1',
      buyerName: '示例科技有限公司',
      buyerTaxId: '91110000123456789X',
    },
    proposedCurrency: 'CNY',
    recognition: {
      sources: { invoiceNumber: 'qr', totalAmount: 'qr', sellerName: 'ocr' },
      confidence: { invoiceNumber: 0.99, totalAmount: 0.95, issueDate: 0.97, sellerName: 0.62, buyerTaxId: 0.5 },
      warnings: [],
      textLines: [
        { text: '发票号码：12345678', confidence: 0.99, x: 800, y: 40, width: 300, height: 40 },
        { text: '价税合计（小写）¥106.00', confidence: 0.95, x: 600, y: 700, width: 400, height: 40 },
        { text: '备注', confidence: 0.9, x: 20, y: 760, width: 80, height: 40 },
      ],
      elapsedMs: 850,
    },
    claimId: null,
    ...overrides,
  };
}
