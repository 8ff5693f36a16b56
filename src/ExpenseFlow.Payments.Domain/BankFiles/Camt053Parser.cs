using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

public sealed record Camt053ParserOptions
{
    /// <summary>Upper bound of the document in characters; a 50,000-entry statement is about 60 million.</summary>
    public long MaxCharacters { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Upper bound of element nesting; camt.053 itself nests about 15 deep. XElement trees cost the square of their depth
    /// to build (each added node checks its ancestors), so 100,000 levels in 600 KB took 40 s of CPU before this bound.
    /// </summary>
    public int MaxDepth { get; init; } = 64;
}

/// <summary>
/// Reads ISO 20022 camt.053 (BankToCustomerStatement) versions .001.02 and .001.08, told apart by the namespace.
/// It streams: only one statement header or one entry is in memory as a tree at a time, so large statements stay cheap.
/// </summary>
public sealed class Camt053Parser(Camt053ParserOptions? options = null)
{
    public const string V02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    public const string V08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    private readonly Camt053ParserOptions _options = options ?? new Camt053ParserOptions();

    public IReadOnlyList<BankStatement> Parse(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return Parse(stream);
    }

    public IReadOnlyList<BankStatement> Parse(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            using var buffer = new MemoryStream();
            content.CopyTo(buffer);
            buffer.Position = 0;
            return Parse(buffer);
        }

        var at = new CamtPosition();
        try
        {
            var start = content.Position;
            EnsureDepth(content, at);
            content.Position = start;
            return Read(content, at);
        }
        catch (XmlException ex)
        {
            // The reader's own position is exact (line and column); its message names it.
            throw StatementBounds.Refused("camt.053", at.Where, ex.Message, ex.Message);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Whatever a malformed element makes a conversion throw is a refusal naming that element, never a 500.
            throw StatementBounds.Refused("camt.053", at.Where, ex.Message, ex.Message);
        }
    }

    /// <summary>A streaming pass that only looks at nesting, before any tree is built.</summary>
    private void EnsureDepth(Stream content, CamtPosition at)
    {
        using var reader = XmlReader.Create(content, SafeXml.Settings(_options.MaxCharacters));
        at.Reader = reader as IXmlLineInfo;
        while (reader.Read())
        {
            if (reader.Depth > _options.MaxDepth)
            {
                at.Enter($"nesting deeper than {_options.MaxDepth} levels");
                throw new FormatException($"elements are nested more than {_options.MaxDepth} levels deep.");
            }
        }
    }

    private List<BankStatement> Read(Stream content, CamtPosition at)
    {
        using var reader = XmlReader.Create(content, SafeXml.Settings(_options.MaxCharacters));
        at.Reader = reader as IXmlLineInfo;
        reader.MoveToContent();
        var ns = reader.NamespaceURI;
        if (reader.LocalName != "Document" || (ns != V02 && ns != V08))
        {
            throw new DomainException(BankFileErrors.UnreadableStatement("camt.053",
                $"the root is {{{ns}}}{reader.LocalName}; expected a camt.053.001.02 or .001.08 Document."));
        }

        var x = new CamtNames(ns);
        var statements = new List<BankStatement>();
        string? messageId = null;
        DateTimeOffset? messageCreated = null;
        if (!reader.ReadToDescendant("BkToCstmrStmt", ns)) return statements;
        reader.Read();
        while (AtElement(reader))
        {
            if (reader.LocalName == "GrpHdr")
            {
                at.Enter("GrpHdr");
                var grpHdr = (XElement)XNode.ReadFrom(reader);
                messageId = x.Text(grpHdr, "MsgId");
                messageCreated = ParseInstant(x.Text(grpHdr, "CreDtTm"));
            }
            else if (reader.LocalName == "Stmt")
            {
                at.Enter($"Stmt[{statements.Count + 1}]");
                statements.Add(ReadStatement(reader, x, messageId, messageCreated, at));
            }
            else
            {
                reader.Skip();
            }
        }
        return statements;
    }

    private static BankStatement ReadStatement(XmlReader reader, CamtNames x, string? messageId, DateTimeOffset? messageCreated, CamtPosition at)
    {
        var statement = new BankStatement { Format = StatementFormat.Camt053, MessageId = messageId, CreatedAt = messageCreated, Location = at.Where };
        var statementPath = at.Path;
        var balances = new List<StatementBalance>();
        var entries = new List<StatementEntry>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return statement;
        }
        reader.Read();
        while (AtElement(reader))
        {
            var name = reader.LocalName;
            at.Enter(name == "Ntry" ? $"{statementPath}/Ntry[{entries.Count + 1}]" : name == "Bal" ? $"{statementPath}/Bal[{balances.Count + 1}]" : $"{statementPath}/{name}");
            var e = (XElement)XNode.ReadFrom(reader);
            switch (e.Name.LocalName)
            {
                case "Id": statement = statement with { StatementId = CamtNames.LeafText(e) }; break;
                case "ElctrncSeqNb": statement = statement with { SequenceNumber = CamtNames.LeafText(e) }; break;
                case "LglSeqNb": statement = statement with { StatementNumber = CamtNames.LeafText(e) }; break;
                case "CreDtTm": statement = statement with { CreatedAt = ParseInstant(CamtNames.LeafText(e)) }; break;
                case "FrToDt":
                    statement = statement with { FromDate = ParseInstant(x.Text(e, "FrDtTm")), ToDate = ParseInstant(x.Text(e, "ToDtTm")) };
                    break;
                case "Acct":
                    statement = statement with
                    {
                        Account = x.AccountId(e),
                        AccountName = x.Text(e, "Nm"),
                        AccountOwner = x.Text(e, "Ownr", "Nm"),
                        Currency = x.Text(e, "Ccy"),
                    };
                    break;
                case "Bal": balances.Add(ReadBalance(e, x)); break;
                case "Ntry": entries.Add(CamtEntryReader.Read(e, x) with { Location = at.Where }); break;
                case "AddtlStmtInf": statement = statement with { AdditionalInfo = CamtNames.LeafText(e) }; break;
            }
        }
        at.Enter(statementPath);
        reader.Read(); // </Stmt>
        var currency = statement.Currency ?? entries.FirstOrDefault()?.Currency ?? balances.FirstOrDefault()?.Currency;
        return statement with { Currency = currency, Balances = balances, Entries = entries };
    }

    /// <summary>True on a child element, false at the parent's end; text between the elements of a statement is malformed.</summary>
    private static bool AtElement(XmlReader reader) => reader.NodeType switch
    {
        XmlNodeType.Element => true,
        XmlNodeType.EndElement or XmlNodeType.None => false,
        _ => throw new FormatException($"{reader.NodeType} '{StatementBounds.Echo(reader.Value)}' where elements belong."),
    };

    private static StatementBalance ReadBalance(XElement bal, CamtNames x)
    {
        var code = x.Text(bal, "Tp", "CdOrPrtry", "Cd") ?? x.Text(bal, "Tp", "CdOrPrtry", "Prtry");
        var type = code switch
        {
            "OPBD" or "PRCD" => BalanceType.Opening,
            "CLBD" => BalanceType.Closing,
            "OPAV" => BalanceType.OpeningAvailable,
            "CLAV" => BalanceType.ClosingAvailable,
            "FWAV" => BalanceType.ForwardAvailable,
            _ => BalanceType.Other,
        };
        var amount = x.El(bal, "Amt") ?? throw new FormatException("a balance has no Amt.");
        var value = ParseDecimal(CamtNames.LeafText(amount));
        if (x.Text(bal, "CdtDbtInd") == "DBIT") value = -value;
        return new StatementBalance(type, value, (string?)amount.Attribute("Ccy") ?? "", x.Date(x.El(bal, "Dt")), code);
    }

    /// <summary>An ISO 20022 amount: digits with at most one decimal point, no exponent (the schema's decimal), within decimal's range.</summary>
    internal static decimal ParseDecimal(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        // A sign is read (a balance may carry one), so a negative entry is refused as such by the bounds, not as a typo.
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{StatementBounds.Echo(trimmed)}' is not an amount (digits and a decimal point, within range).");
        }
        return value;
    }

    internal static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            throw new FormatException($"'{StatementBounds.Echo(text.Trim())}' is not a date and time.");
        }
        return instant;
    }
}

/// <summary>Where the reader is, for a refusal: the element path of the statement or entry and the line it starts on.</summary>
internal sealed class CamtPosition
{
    public IXmlLineInfo? Reader { get; set; }

    public string Path { get; private set; } = "Document";

    public int Line { get; private set; }

    public string Where => Line > 0 ? $"{Path}, line {Line}" : Path;

    public void Enter(string path)
    {
        Path = path;
        Line = Reader?.HasLineInfo() == true ? Reader.LineNumber : 0;
    }
}
