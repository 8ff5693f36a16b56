namespace ExpenseFlow.TestBase.Mutation;

/// <summary>The values a structural mutant puts where a field's value was: numbers, dates and texts no sane file holds.</summary>
public static class HostileValues
{
    public static IReadOnlyList<string> Numbers { get; } =
    [
        "1e30", "1E+30", "-1", "-0.01", "0", "1.005", "99999999999999999.99", "1000000000000000000000000000000", "79228162514264337593543950336",
        "NaN", "Infinity", "-Infinity", "0x10", "1,234.56", "1.2.3", "", " ", "١٢٣", "１２３",
    ];

    public static IReadOnlyList<string> Dates { get; } =
    [
        "2026-02-30", "2026-1-1", "2026-13-01", "0001-01-01", "9999-12-31", "1900-01-01", "2026-01-01T25:00:00", "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00", "20260101", "yesterday", "",
    ];

    public static IReadOnlyList<string> Texts { get; } =
    [
        new string('A', 10_000), "hostile\u0000nul", "\u0001\u0002\u001b[31m", "\u202Eevil\u202C", "zero\u200Bwidth", "\uD800", "\uDFFF",
        "<script>alert(1)</script>", "' OR 1=1 --", "=cmd|' /C calc'!A0", "../../etc/passwd", new string('中', 5_000), "",
    ];

    /// <summary>Any of the above.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Numbers, .. Dates, .. Texts];
}
