using System.Text.RegularExpressions;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>OCR repair of merchant names against the words business names are made of.</summary>
internal static partial class ReceiptExtractor
{
    /// <summary>
    /// Common words of shop and company names (English and Malay). A name word that is not one of them but is one OCR
    /// confusion away ("Heauty", "CONFECTIUNERY", "COMFANY") or one dropped letter away ("Hardwae") from exactly one of them
    /// is that word; brand names and words outside the list are left as read.
    /// </summary>
    private static readonly HashSet<string> NameWords = new(StringComparer.Ordinal)
    {
        "AUTOMOTIVE", "BAKERIES", "BAKERY", "BEAUTY", "BERHAD", "BEVERAGE", "BEVERAGES", "BOOKSTORE", "BOOKSTORES", "BOUTIQUE",
        "CATERING", "CENTER", "CENTRE", "CHINESE", "CLINIC", "COFFEE", "COMMUNICATIONS", "COMPANY", "CONFECTIONERY",
        "CONSTRUCTION", "CUISINE", "DENTAL", "DISTRIBUTOR", "DISTRIBUTORS", "ELECTRICAL", "ELECTRONICS", "ENGINEERING",
        "ENTERPRISE", "ENTERPRISES", "EXPRESS", "FARMASI", "FASHION", "FURNITURE", "GARDEN", "GARDENS", "GENERAL", "GOLDSMITH",
        "HARDWARE", "HEALTH", "HEALTHCARE", "HOLDINGS", "HYPERMARKET", "INDUSTRIES", "INDUSTRY", "INTERNATIONAL", "JAPANESE",
        "JEWELLERY", "KITCHEN", "LAUNDRY", "LOGISTICS", "MACHINERY", "MALAYSIA", "MANAGEMENT", "MARKET", "MARKETING",
        "MEDICAL", "MINIMARKET", "MOTORS", "NOODLE", "NOODLES", "OPTICAL", "OUTLET", "PERNIAGAAN", "PERUSAHAAN", "PHARMACY",
        "PRINTING", "RESOURCES", "RESTAURANT", "RESTAURANTS", "RESTORAN", "RUNCIT", "SEAFOOD", "SENDIRIAN", "SERVICE",
        "SERVICES", "SPORTS", "STATION", "STATIONER", "STATIONERY", "SUPERMARKET", "SUPPLIER", "SUPPLIES", "SUPPLY",
        "SYARIKAT", "TELECOMMUNICATIONS", "TEXTILE", "TIMBER", "TRADER", "TRADERS", "TRADING", "TRANSPORT", "TRAVEL",
        "VENTURE", "VENTURES",
    };

    /// <summary>Letters thermal-print OCR mistakes for each other (B/H/E, O/U/D, I/L/T, P/F, C/G, N/M, R/K, V/Y).</summary>
    private static readonly string[] Confusable = ["BHE8", "OUDQ0", "IL1T", "PF", "CGE", "NMH", "RK", "VY", "S5", "A4", "Z2"];

    private static string RepairWords(string name) => NameWord().Replace(name, m =>
    {
        var word = m.Value;
        var upper = word.ToUpperInvariant();
        if (NameWords.Contains(upper)) return word;
        var matches = NameWords.Where(w => (w.Length == upper.Length && OneConfusion(upper, w))
                                           || (upper.Length >= 7 && w.Length == upper.Length + 1 && OneDropped(upper, w))).Take(2).ToList();
        if (matches.Count != 1) return word;
        var fix = matches[0];
        if (word.All(c => !char.IsLetter(c) || char.IsUpper(c))) return fix;
        return char.IsUpper(word[0]) ? fix[0] + fix[1..].ToLowerInvariant() : fix.ToLowerInvariant();
    });

    private static bool OneConfusion(string read, string word)
    {
        var diff = -1;
        for (var i = 0; i < read.Length; i++)
        {
            if (read[i] == word[i]) continue;
            if (diff >= 0) return false;
            diff = i;
        }
        return diff >= 0 && Confusable.Any(set => set.Contains(read[diff]) && set.Contains(word[diff]));
    }

    private static bool OneDropped(string read, string word)
    {
        var i = 0;
        while (i < read.Length && read[i] == word[i]) i++;
        return read.AsSpan(i).SequenceEqual(word.AsSpan(i + 1));
    }

    [GeneratedRegex(@"(?<![A-Za-z])[A-Za-z]{6,}(?![A-Za-z])")]
    private static partial Regex NameWord();
}
