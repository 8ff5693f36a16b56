import { InvoiceFields, ReceiptDto } from './data/expenses.models';
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

/**
 * A photo of a 粘贴单 with a train ticket, a taxi receipt and a quota invoice, as the server returns it: the receipt's
 * own fields are the first document's, and each document has its box in image pixels (the photo is 2000×1500).
 */
export function sheet(overrides: Partial<ReceiptDto> = {}): ReceiptDto {
  const base = receipt();
  const fields = (patch: Partial<InvoiceFields>): InvoiceFields => ({ ...emptyInvoice(), ...patch });
  const train = fields({ invoiceType: '火车票', invoiceNumber: '003B052946', issueDate: '2024-01-06', totalAmount: 41 });
  return {
    ...base,
    id: 'r-sheet',
    fileName: 'sheet.jpg',
    documentKind: 'train-ticket',
    proposed: train,
    recognition: {
      ...base.recognition!,
      confidence: { totalAmount: 0.98, invoiceNumber: 0.7 },
      identity: 'train-ticket:003B052946',
      travelDate: '2024-01-06',
      travel: { passengerName: '王小明', from: '广州南站', to: '长沙南站', trainNumber: 'G6111', seatClass: '二等座', departureTime: '2024-01-06T07:15' },
      documents: [
        {
          kind: 'train-ticket', identity: 'train-ticket:003B052946', box: [40, 60, 900, 560], proposed: train, currency: 'CNY', travelDate: '2024-01-06',
          travel: { passengerName: '王小明', from: '广州南站', to: '长沙南站', trainNumber: 'G6111', seatClass: '二等座', departureTime: '2024-01-06T07:15' },
        },
        {
          kind: 'taxi', identity: 'taxi:144001900111:00212345', box: [1000, 60, 500, 900],
          proposed: fields({ invoiceCode: '144001900111', invoiceNumber: '00212345', issueDate: null, totalAmount: 35.5 }), currency: 'CNY', travelDate: '2024-01-07',
          travel: { departureTime: '2024-01-07T08:02', arrivalTime: '2024-01-07T08:31', distanceKm: 12.4, plateNumber: '粤A·12345' },
        },
        {
          kind: 'quota-invoice', identity: 'quota-invoice:244001900222:01234567', box: [100, 800, 600, 400],
          proposed: fields({ invoiceCode: '244001900222', invoiceNumber: '01234567', issueDate: '2024-01-08', totalAmount: 20 }), currency: null, travelDate: null, travel: null,
        },
      ],
    },
    ...overrides,
  };
}
