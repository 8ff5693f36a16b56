using System.Globalization;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>One thing wrong with a bank template as Finance submitted it: where (a JSON path), a stable code, and why.</summary>
public sealed record TemplateProblem(string Path, string Code, string English, string Chinese)
{
    public string Message(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
