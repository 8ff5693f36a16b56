using System.Xml;
using System.Xml.Linq;

namespace ExpenseFlow.Recognition.Input;

/// <summary>Loads XML with DTDs prohibited (no external entities, no entity expansion) and a size cap.</summary>
internal static class SafeXml
{
    public static XDocument Load(Stream stream, RecognitionOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxXmlCharacters,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new RecognitionException(ErrorCodes.XmlDtdProhibited, ex.Message);
        }
        catch (XmlException ex) when (ex.Message.Contains("MaxCharacters", StringComparison.OrdinalIgnoreCase))
        {
            throw new RecognitionException(ErrorCodes.TooLarge, ex.Message);
        }
        catch (XmlException ex)
        {
            // Some issuers write invalid prefixes (e.g. <:eInvoice xmlns:="">); try again with the namespace-free parser.
            if (stream.CanSeek)
            {
                stream.Position = 0;
                return LoadLenient(stream, options) ?? throw new RecognitionException(ErrorCodes.Corrupt, ex.Message);
            }
            throw new RecognitionException(ErrorCodes.Corrupt, ex.Message);
        }
    }

    public static XDocument Load(byte[] bytes, RecognitionOptions options)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        return Load(ms, options);
    }

    private static XDocument? LoadLenient(Stream stream, RecognitionOptions options)
    {
        using var sr = new StreamReader(stream, leaveOpen: true);
        var text = sr.ReadToEnd();
        // Drop broken empty prefixes and every prefix: callers match on local names only.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"<(/?):", "<$1");
        text = text.Replace(" xmlns:=\"\"", "", StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"<(/?)[A-Za-z_][\w\-]*:", "<$1");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\sxmlns(:[\w\-]+)?=""[^""]*""", "");
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = options.MaxXmlCharacters,
            });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
