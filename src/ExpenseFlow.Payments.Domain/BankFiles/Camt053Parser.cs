using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

public sealed record Camt053ParserOptions
{
    /// <summary>Upper bound of the document in characters; a 50,000-entry statement is about 60 million.</summary>
    public long MaxCharacters { get; init; } = 512L * 1024 * 1024;
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
        try
        {
            return Read(content);
        }
        catch (XmlException ex)
        {
            throw new DomainException(BankFileErrors.UnreadableStatement("camt.053", ex.Message));
        }
        catch (FormatException ex)
        {
            throw new DomainException(BankFileErrors.UnreadableStatement("camt.053", ex.Message));
        }
    }

    private List<BankStatement> Read(Stream content)
    {
        using var reader = XmlReader.Create(content, SafeXml.Settings(_options.MaxCharacters));
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
        while (reader.NodeType == XmlNodeType.Element)
        {
            if (reader.LocalName == "GrpHdr")
            {
                var grpHdr = (XElement)XNode.ReadFrom(reader);
                messageId = x.Text(grpHdr, "MsgId");
                messageCreated = ParseInstant(x.Text(grpHdr, "CreDtTm"));
            }
            else if (reader.LocalName == "Stmt")
            {
                statements.Add(ReadStatement(reader, x, messageId, messageCreated));
            }
            else
            {
                reader.Skip();
            }
        }
        return statements;
    }

    private static BankStatement ReadStatement(XmlReader reader, CamtNames x, string? messageId, DateTimeOffset? messageCreated)
    {
        var statement = new BankStatement { Format = StatementFormat.Camt053, MessageId = messageId, CreatedAt = messageCreated };
        var balances = new List<StatementBalance>();
        var entries = new List<StatementEntry>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return statement;
        }
        reader.Read();
        while (reader.NodeType == XmlNodeType.Element)
        {
            var e = (XElement)XNode.ReadFrom(reader);
            switch (e.Name.LocalName)
            {
                case "Id": statement = statement with { StatementId = e.Value.Trim() }; break;
                case "ElctrncSeqNb": statement = statement with { SequenceNumber = e.Value.Trim() }; break;
                case "LglSeqNb": statement = statement with { StatementNumber = e.Value.Trim() }; break;
                case "CreDtTm": statement = statement with { CreatedAt = ParseInstant(e.Value) }; break;
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
                case "Ntry": entries.Add(CamtEntryReader.Read(e, x)); break;
                case "AddtlStmtInf": statement = statement with { AdditionalInfo = e.Value.Trim() }; break;
            }
        }
        reader.Read(); // </Stmt>
        var currency = statement.Currency ?? entries.FirstOrDefault()?.Currency ?? balances.FirstOrDefault()?.Currency;
        return statement with { Currency = currency, Balances = balances, Entries = entries };
    }

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
        var value = ParseDecimal(amount.Value);
        if (x.Text(bal, "CdtDbtInd") == "DBIT") value = -value;
        return new StatementBalance(type, value, (string?)amount.Attribute("Ccy") ?? "", x.Date(x.El(bal, "Dt")), code);
    }

    internal static decimal ParseDecimal(string text) =>
        decimal.Parse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseInstant(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
