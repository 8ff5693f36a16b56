using System.Globalization;
using ExpenseFlow.BuildingBlocks.Input;
using ExpenseFlow.Recognition;

namespace ExpenseFlow.Expenses.Infrastructure.Recognition;

/// <summary>
/// What the engine read is proposed only as a claim line could take it: amounts from 0 to the product's money bound with
/// two decimals, an issue date in the product's range, a three-letter currency. A hostile or damaged document
/// (a total of 10^21, a negative or three-decimal amount, year 1) keeps its other fields; the value left out is named in
/// the warnings, so the employee sees why the field is empty instead of a prefilled amount no claim accepts.
/// </summary>
internal static class ProposalBounds
{
    /// <summary>The money bound of request input: far above any invoice, far below numeric(18,2).</summary>
    public const decimal MaxAmount = InputLimits.MaxMoney;

    public static readonly DateOnly MinDate = InputLimits.MinDate;

    public static readonly DateOnly MaxDate = InputLimits.MaxDate;

    public static void Apply(RecognitionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var document in result.Documents) Apply(document);
        var f = result.Fields;
        if (f.TravelDate is { } travel && (travel < MinDate || travel > MaxDate))
        {
            Drop(result, FieldNames.TravelDate, $"{FieldNames.TravelDate} {travel:yyyy-MM-dd} is outside {MinDate:yyyy}–{MaxDate:yyyy}: not proposed");
            f.TravelDate = null;
        }
        f.TotalAmount = Amount(result, FieldNames.TotalAmount, f.TotalAmount);
        f.AmountExcludingTax = Amount(result, FieldNames.AmountExcludingTax, f.AmountExcludingTax);
        f.TaxAmount = Amount(result, FieldNames.TaxAmount, f.TaxAmount);
        if (f.IssueDate is { } date && (date < MinDate || date > MaxDate))
        {
            Drop(result, FieldNames.IssueDate, $"{FieldNames.IssueDate} {date:yyyy-MM-dd} is outside {MinDate:yyyy}–{MaxDate:yyyy}: not proposed");
            f.IssueDate = null;
        }

        if (f.Currency is { } currency && !(currency.Length == 3 && currency.All(char.IsAsciiLetterUpper)))
        {
            Drop(result, FieldNames.Currency, $"{FieldNames.Currency} '{currency}' is not a three-letter code: not proposed");
            f.Currency = null;
        }
    }

    private static decimal? Amount(RecognitionResult result, string field, decimal? value)
    {
        if (value is not { } amount || (amount >= 0 && amount <= MaxAmount && decimal.Round(amount, 2) == amount))
        {
            return value;
        }

        Drop(result, field, $"{field} {amount.ToString(CultureInfo.InvariantCulture)} is not an amount a claim takes (0 to {MaxAmount:N2}, two decimals): not proposed");
        return null;
    }

    private static void Drop(RecognitionResult result, string field, string warning)
    {
        result.Sources.Remove(field);
        result.Confidence.Remove(field);
        result.Warnings.Add(warning);
    }
}
