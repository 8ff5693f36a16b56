using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Text;
using MiniExcelLibs;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// Writes a payment file as a bank's batch template, CSV (CsvHelper) or .xlsx (MiniExcel). Every cell is text, so long
/// account numbers and leading zeros survive Excel, and none can be read as a formula (<see cref="SpreadsheetText"/>):
/// finance opens these files before uploading them. Output is deterministic: the .xlsx package is re-zipped with fixed
/// entry times, so the same batch gives the same bytes on every run.
/// </summary>
public sealed partial class BankTemplateWriter(BankTemplateProfile profile)
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public byte[] WriteCsv(PaymentFile file)
    {
        var rows = Rows(file);
        var encoding = profile.CsvEncoding == TemplateCsvEncoding.Gb18030 ? BankEncodings.Get("GB18030") : new UTF8Encoding(true);
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, encoding, leaveOpen: true) { NewLine = "\r\n" })
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = profile.CsvDelimiter, NewLine = "\r\n" }))
        {
            foreach (var column in profile.Columns) csv.WriteField(SpreadsheetText.Cell(column.Header));
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(cell);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public byte[] WriteXlsx(PaymentFile file)
    {
        var sheet = Rows(file).Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < profile.Columns.Count; i++) record[SpreadsheetText.Cell(profile.Columns[i].Header)] = row[i];
            return record;
        }).ToList();
        using var raw = new MemoryStream();
        raw.SaveAs(sheet, printHeader: true, sheetName: profile.SheetName, excelType: ExcelType.XLSX);
        raw.Position = 0;
        return Normalize(raw);
    }

    /// <summary>The cell texts, row by row, after validation and formula neutralising; the same for both formats.</summary>
    public IReadOnlyList<string[]> Rows(PaymentFile file)
    {
        profile.EnsureUsable();
        PaymentFileValidator.EnsureValid(file, profile.Text);
        if (profile.Columns.Any(c => c.Field == TemplateField.PayeeBankCode))
        {
            var missing = file.Instructions.FirstOrDefault(i => !PaymentFileValidator.IsValidCnaps(i.CreditorAgent?.CnapsCode));
            if (missing is not null) throw new DomainException(BankFileErrors.InvalidCnaps($"Payment {missing.EndToEndId}", missing.CreditorAgent?.CnapsCode));
        }
        return file.Instructions.Select((instruction, index) => profile.Columns.Select(c => Cell(c, file.Header, instruction, index)).ToArray()).ToList();
    }

    private string Cell(TemplateColumn column, PaymentFileHeader payer, PaymentInstruction payment, int index)
    {
        var text = column.Field switch
        {
            TemplateField.Sequence => (index + 1).ToString(CultureInfo.InvariantCulture),
            TemplateField.PayerAccount => payer.DebtorAccount.Value,
            TemplateField.PayerName => payer.DebtorName,
            TemplateField.PayerBankName => payer.DebtorAgent.Name ?? "",
            TemplateField.PayeeAccount => payment.CreditorAccount?.Value ?? "",
            TemplateField.PayeeName => payment.CreditorName,
            TemplateField.PayeeBankName => payment.CreditorAgent?.Name ?? "",
            TemplateField.PayeeBankCode => payment.CreditorAgent?.CnapsCode ?? "",
            TemplateField.Amount => column.Format is null
                ? Iso4217.Format(payment.Amount, payment.Currency)
                : payment.Amount.ToString(column.Format, CultureInfo.InvariantCulture),
            TemplateField.Currency => payment.Currency,
            TemplateField.Purpose => payment.Purpose ?? payment.RemittanceText ?? "",
            TemplateField.Remark => payment.Remark ?? "",
            TemplateField.EndToEndId => payment.EndToEndId,
            TemplateField.ExecutionDate => payer.RequestedExecutionDate.ToString(column.Format ?? "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TemplateField.Constant => column.Value ?? "",
            _ => "",
        };
        if (!BankTemplateRules.IsFreeText(column.Field))
        {
            return SpreadsheetText.Cell(text);
        }

        var max = column.MaxLength ?? profile.Text.MaxNameLength;
        return SpreadsheetText.Cell(TextReducer.Reduce(text, profile.Text, max), Math.Max(max, 2));
    }

    // A zip stores each entry's modification time and MiniExcel names relationships with fresh GUIDs ("R3f2a..."):
    // rewriting the entries with one fixed time and the ids numbered in order of appearance makes the package reproducible.
    private static byte[] Normalize(Stream xlsx)
    {
        using var source = new ZipArchive(xlsx, ZipArchiveMode.Read);
        var entries = source.Entries.Select(e =>
        {
            using var from = e.Open();
            using var buffer = new MemoryStream();
            from.CopyTo(buffer);
            return (e.FullName, Bytes: buffer.ToArray());
        }).ToList();

        // Latin-1 maps bytes to chars one to one, so the UTF-8 around the ASCII ids comes back unchanged.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = entries.Select(e => IsXml(e.FullName) ? Encoding.Latin1.GetString(e.Bytes) : null).ToList();
        foreach (var text in texts.OfType<string>())
        {
            foreach (Match m in GuidRelationshipId().Matches(text)) ids.TryAdd(m.Value, "rIdEf" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var bytes = texts[i] is { } text && ids.Count > 0
                    ? Encoding.Latin1.GetBytes(GuidRelationshipId().Replace(text, m => ids[m.Value]))
                    : entries[i].Bytes;
                var copy = target.CreateEntry(entries[i].FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipEpoch;
                using var to = copy.Open();
                to.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\bR[0-9a-f]{32}\b")]
    private static partial Regex GuidRelationshipId();
}
