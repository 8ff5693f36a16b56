namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Which characters a receiving bank accepts in free text.</summary>
public enum BankCharacterSet
{
    /// <summary>
    /// The SWIFT "x" set most international banks accept in ISO 20022 text: a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
    /// Accented letters are transliterated (é → e, ß → ss); what has no Latin form (e.g. Chinese) is replaced.
    /// </summary>
    SwiftLatin,

    /// <summary>Any Unicode text XML can carry, unfiltered: only for a bank known to take everything.</summary>
    Unicode,

    /// <summary>
    /// What Chinese banks' domestic channels (CNAPS, 企业网银 batch templates) take in names and purposes: Chinese
    /// characters (CJK ideographs, the extension planes included, as GB18030 carries them), the SWIFT "x" set, and the
    /// full-width punctuation registered company and person names use (（）·、，。：；－／—). Names must match the
    /// account's registered name (户名), so Chinese text is kept as written; symbols no name has (= " @ &lt; &gt; &amp; % ; \ |)
    /// are replaced. Identifiers stay in the SWIFT set (CNAPS forbids Chinese there).
    /// </summary>
    ChineseBank,
}

/// <summary>How free text is reduced for one bank: the character set and the maximum lengths of each field.</summary>
public sealed record BankTextProfile
{
    public static readonly BankTextProfile International = new() { CharacterSet = BankCharacterSet.SwiftLatin };

    public static readonly BankTextProfile ChineseDomestic = new() { CharacterSet = BankCharacterSet.ChineseBank };

    public BankCharacterSet CharacterSet { get; init; } = BankCharacterSet.SwiftLatin;

    /// <summary>Replaces a character the set cannot carry; SWIFT Latin banks commonly ask for a space or a dot.</summary>
    public char Replacement { get; init; } = ' ';

    /// <summary>Max140Text in both schema versions; a bank may ask for less (some accept 70 for names).</summary>
    public int MaxNameLength { get; init; } = 140;

    /// <summary>One unstructured remittance line (Ustrd, Max140Text).</summary>
    public int MaxRemittanceLength { get; init; } = 140;

    /// <summary>Identifiers (MsgId, PmtInfId, EndToEndId) are Max35Text; they are validated, never cut.</summary>
    public int MaxIdentifierLength { get; init; } = 35;
}
