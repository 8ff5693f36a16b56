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
        EnsureDepth(new MemoryStream(bytes, writable: false), options);
        using var ms = new MemoryStream(bytes, writable: false);
        return Load(ms, options);
    }

    /// <summary>
    /// Invoice XML nests a dozen levels. An XDocument costs the square of its depth to build (each added element checks
    /// its ancestors), and the build cannot be interrupted: 100,000 levels in 700 KB kept a core busy for 40 s after the
    /// document's timeout. A streaming pass over the nesting alone refuses such a file first.
    /// </summary>
    private static void EnsureDepth(Stream stream, RecognitionOptions options) => EnsureDepth(new StreamReader(stream), options);

    private static void EnsureDepth(TextReader text, RecognitionOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = options.MaxXmlCharacters, MaxCharactersFromEntities = 0,
            IgnoreComments = true, IgnoreProcessingInstructions = true, CheckCharacters = false,
        };
        try
        {
            using var reader = XmlReader.Create(text, settings);
            while (reader.Read())
            {
                if (reader.Depth > options.MaxXmlDepth) throw new RecognitionException(ErrorCodes.TooLarge, $"the XML is nested more than {options.MaxXmlDepth} levels deep");
            }
        }
        catch (XmlException)
        {
            // Malformed as XML: the real load below says how (or reads it leniently), with its nesting checked up to the fault.
        }
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
        EnsureDepth(new StringReader(text), options);
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
