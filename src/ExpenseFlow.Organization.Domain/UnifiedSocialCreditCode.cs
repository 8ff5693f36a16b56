namespace ExpenseFlow.Organization.Domain;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters whose last is a check character over the first 17.</summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(value[i], StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }

            sum += v * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check] == value[17];
    }

    public static string Normalize(string value) => (value ?? string.Empty).Trim().ToUpperInvariant();
}
