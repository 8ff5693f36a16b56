import { BankTemplateDto } from './data/bank-templates.models';

/** A made-up layout in the style of a 建设银行 代发 upload (not the bank's official template). */
export function ccbTemplate(overrides: Partial<BankTemplateDto> = {}): BankTemplateDto {
  return {
    code: 'ccb',
    name: '示例：建设银行风格',
    isActive: true,
    version: 41,
    formats: ['ccb-csv', 'ccb-xlsx'],
    updatedBy: 'p-1',
    updatedByName: '张会计',
    updatedAt: '2026-11-25T10:00:00Z',
    profile: {
      id: 'ccb',
      bankName: '中国建设银行',
      description: null,
      csvEncoding: 'Utf8WithBom',
      csvDelimiter: '|',
      sheetName: '代发明细',
      columns: [
        { header: '收款人账号', field: 'PayeeAccount', format: null, value: null, maxLength: null },
        { header: '收款人名称', field: 'PayeeName', format: null, value: null, maxLength: 30 },
        { header: '金额', field: 'Amount', format: '#,##0.00', value: null, maxLength: null },
        { header: '币种', field: 'Constant', format: null, value: '人民币', maxLength: null },
      ],
      text: { characterSet: 'Unicode', replacement: ' ', maxNameLength: 140, maxRemittanceLength: 140, maxIdentifierLength: 35 },
    },
    ...overrides,
  };
}
