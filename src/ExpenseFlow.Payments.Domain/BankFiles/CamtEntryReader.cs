using System.Globalization;
using System.Xml.Linq;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Element lookups by local path in one camt namespace.</summary>
internal sealed class CamtNames(string ns)
{
    private readonly XNamespace _ns = ns;

    public XElement? El(XElement? parent, params string[] path)
    {
        var current = parent;
        foreach (var name in path)
        {
            if (current is null) return null;
            current = current.Element(_ns + name);
        }
        return current;
    }

    public IEnumerable<XElement> All(XElement? parent, string name) => parent?.Elements(_ns + name) ?? [];

    public string? Text(XElement? parent, params string[] path)
    {
        var value = LeafText(El(parent, path));
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// The trimmed text of an element that holds text only. Not <see cref="XElement.Value"/>, which walks nested elements
    /// recursively: a hostile file nesting a few hundred thousand elements in a text field would overflow the stack.
    /// </summary>
    public static string? LeafText(XElement? element)
    {
        if (element is null) return null;
        var text = new System.Text.StringBuilder();
        foreach (var node in element.Nodes())
        {
            if (node is XText t) text.Append(t.Value);
            else if (node is XElement child) throw new FormatException($"{element.Name.LocalName} holds an element ({child.Name.LocalName}) where text belongs.");
        }
        return text.ToString().Trim();
    }

    public string? AccountId(XElement? account) =>
        Text(account, "Id", "IBAN") ?? Text(account, "Id", "Othr", "Id");

    /// <summary>A DateAndDateTimeChoice: the date as the bank wrote it (a DtTm keeps its own offset's date).</summary>
    public DateOnly? Date(XElement? choice)
    {
        var date = Text(choice, "Dt");
        if (date is not null)
        {
            // xs:date may carry a zone after the ten characters of the date ("2026-01-31+08:00"); the date is the bank's.
            if (date.Length < 10 || !DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || (date.Length > 10 && !IsZone(date[10..])))
            {
                throw new FormatException($"'{StatementBounds.Echo(date)}' is not a date (yyyy-MM-dd).");
            }
            return day;
        }
        var instant = Camt053Parser.ParseInstant(Text(choice, "DtTm"));
        return instant is null ? null : DateOnly.FromDateTime(instant.Value.DateTime);
    }

    private static bool IsZone(string text) =>
        text == "Z" || (text.Length == 6 && text[0] is '+' or '-' && TimeOnly.TryParseExact(text[1..], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary>camt.053.001.02 writes a party directly (Dbtr/Nm); .08 wraps it in a choice (Dbtr/Pty/Nm).</summary>
    public string? PartyName(XElement? party) => Text(party, "Nm") ?? Text(party, "Pty", "Nm");
}

/// <summary>Maps one camt Ntry to a statement entry; the counterparty is the debtor of a credit and the creditor of a debit.</summary>
internal static class CamtEntryReader
{
    public static StatementEntry Read(XElement ntry, CamtNames x)
    {
        var amount = x.El(ntry, "Amt") ?? throw new FormatException("an entry has no Amt.");
        var direction = x.Text(ntry, "CdtDbtInd") == "DBIT" ? CreditDebit.Debit : CreditDebit.Credit;
        var details = x.All(ntry, "NtryDtls").SelectMany(d => x.All(d, "TxDtls")).Select(d => ReadDetail(d, x, direction)).ToList();
        var first = details.FirstOrDefault();
        var tx = x.All(ntry, "NtryDtls").SelectMany(d => x.All(d, "TxDtls")).FirstOrDefault();
        return new StatementEntry
        {
            Amount = Camt053Parser.ParseDecimal(CamtNames.LeafText(amount)),
            Currency = (string?)amount.Attribute("Ccy"),
            Direction = direction,
            IsReversal = string.Equals(x.Text(ntry, "RvslInd"), "true", StringComparison.OrdinalIgnoreCase),
            Status = x.Text(ntry, "Sts", "Cd") ?? x.Text(ntry, "Sts"),
            BookingDate = x.Date(x.El(ntry, "BookgDt")),
            ValueDate = x.Date(x.El(ntry, "ValDt")),
            EntryReference = x.Text(ntry, "NtryRef"),
            AccountServicerReference = x.Text(ntry, "AcctSvcrRef"),
            BankTransactionCode = TransactionCode(x.El(ntry, "BkTxCd"), x) ?? TransactionCode(x.El(tx, "BkTxCd"), x),
            AdditionalInfo = x.Text(ntry, "AddtlNtryInf"),
            EndToEndId = first?.EndToEndId,
            MandateId = x.Text(tx, "Refs", "MndtId"),
            CounterpartyName = first?.CounterpartyName,
            CounterpartyAccount = first?.CounterpartyAccount,
            CounterpartyAgent = first?.CounterpartyAgent,
            RemittanceInfo = first?.RemittanceInfo,
            Details = details,
        };
    }

    private static EntryDetail ReadDetail(XElement tx, CamtNames x, CreditDebit direction)
    {
        var side = direction == CreditDebit.Credit ? "Dbtr" : "Cdtr";
        var parties = x.El(tx, "RltdPties");
        var agent = x.El(tx, "RltdAgts", side + "Agt", "FinInstnId");
        var amount = x.El(tx, "Amt") ?? x.El(tx, "AmtDtls", "TxAmt", "Amt");
        var endToEnd = x.Text(tx, "Refs", "EndToEndId");
        return new EntryDetail
        {
            // NOTPROVIDED is the schema's way of saying there is none.
            EndToEndId = string.Equals(endToEnd, "NOTPROVIDED", StringComparison.OrdinalIgnoreCase) ? null : endToEnd,
            Amount = amount is null ? null : Camt053Parser.ParseDecimal(CamtNames.LeafText(amount)),
            Currency = (string?)amount?.Attribute("Ccy"),
            CounterpartyName = x.PartyName(x.El(parties, side)),
            CounterpartyAccount = x.AccountId(x.El(parties, side + "Acct")),
            CounterpartyAgent = x.Text(agent, "BIC") ?? x.Text(agent, "BICFI") ?? x.Text(agent, "Nm"),
            RemittanceInfo = Remittance(x.El(tx, "RmtInf"), x),
        };
    }

    private static string? Remittance(XElement? rmtInf, CamtNames x)
    {
        var lines = x.All(rmtInf, "Ustrd").Select(u => CamtNames.LeafText(u)!).Where(u => u.Length > 0).ToList();
        if (lines.Count == 0)
        {
            lines = x.All(rmtInf, "Strd").Select(s => x.Text(s, "CdtrRefInf", "Ref")).OfType<string>().ToList();
        }
        return lines.Count == 0 ? null : string.Join(" ", lines);
    }

    private static string? TransactionCode(XElement? bkTxCd, CamtNames x)
    {
        var domain = x.Text(bkTxCd, "Domn", "Cd");
        if (domain is not null)
        {
            return string.Join('/', new[] { domain, x.Text(bkTxCd, "Domn", "Fmly", "Cd"), x.Text(bkTxCd, "Domn", "Fmly", "SubFmlyCd") }.OfType<string>());
        }
        return x.Text(bkTxCd, "Prtry", "Cd");
    }
}
