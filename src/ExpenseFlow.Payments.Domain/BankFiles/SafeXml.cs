using System.Xml;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Reader settings for files from outside: no DTD, no external resolution, bounded size.</summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };
}
