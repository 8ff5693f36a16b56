using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Application.Batches;

/// <summary>A format a batch can be downloaded in: ISO 20022 pain.001, or a Finance-managed bank template as CSV or .xlsx.</summary>
public sealed record PaymentFileFormatDto(string Format, string Kind, string Extension, string? TemplateCode, string? TemplateName);

/// <summary>What to generate for a format; <see cref="Template"/> is set for a bank template, else it is pain.001.</summary>
internal sealed record BankFileFormat(string Format, string Extension, string ContentType, BankTemplateProfile? Template)
{
    public byte[] Write(Domain.BankFiles.PaymentFile file) => Template is null
        ? BatchFiles.Pain(file, Format == Pain03 ? Pain001Version.V03 : Pain001Version.V09)
        : Extension == "csv" ? new BankTemplateWriter(Template).WriteCsv(file) : new BankTemplateWriter(Template).WriteXlsx(file);

    public const string Pain09 = "pain.001.001.09";
    public const string Pain03 = "pain.001.001.03";
}

/// <summary>The formats on offer: the two pain.001 versions, then <c>{code}-csv</c> and <c>{code}-xlsx</c> per active template.</summary>
internal static class BankFileFormats
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Ok<List<PaymentFileFormatDto>>> ListAsync(PaymentsDbContext db, CancellationToken ct) => TypedResults.Ok(await ActiveAsync(db, ct));

    public static async Task<List<PaymentFileFormatDto>> ActiveAsync(PaymentsDbContext db, CancellationToken ct)
    {
        var templates = await db.BankTemplates.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync(ct);
        return
        [
            new(BankFileFormat.Pain09, "iso20022", "xml", null, null),
            new(BankFileFormat.Pain03, "iso20022", "xml", null, null),
            .. templates.SelectMany(t => new PaymentFileFormatDto[]
            {
                new(t.Code + BankTemplate.CsvSuffix, "template", "csv", t.Code, t.Name),
                new(t.Code + BankTemplate.XlsxSuffix, "template", "xlsx", t.Code, t.Name),
            }),
        ];
    }

    /// <summary>The format to generate, or <see cref="UnknownAsync"/>'s error for an unknown format or an inactive template.</summary>
    public static async Task<BankFileFormat> ResolveAsync(string format, PaymentsDbContext db, CancellationToken ct)
    {
        if (format is BankFileFormat.Pain09 or BankFileFormat.Pain03)
        {
            return new(format, "xml", "application/xml", null);
        }

        if (BankTemplate.ParseFormat(format) is { } named)
        {
            var template = await db.BankTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == named.Code && t.IsActive, ct);
            if (template is not null)
            {
                return named.Xlsx ? new(format, "xlsx", Xlsx, template.Profile()) : new(format, "csv", "text/csv", template.Profile());
            }
        }

        throw new DomainException(await UnknownAsync(db, ct));
    }

    public static async Task<Error> UnknownAsync(PaymentsDbContext db, CancellationToken ct)
    {
        var formats = (await ActiveAsync(db, ct)).Select(f => f.Format).ToList();
        return new("Payments.UnknownFileFormat", ErrorKind.Validation,
            $"Choose one of: {string.Join(", ", formats)}.", $"请选择：{string.Join("、", formats)}。");
    }
}
