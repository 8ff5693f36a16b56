using System.Globalization;
using System.Text;
using System.Xml;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>The pain.001 (CustomerCreditTransferInitiation) message versions a bank profile can ask for.</summary>
public enum Pain001Version
{
    /// <summary>pain.001.001.09: BICFI, ReqdExctnDt as a Dt/DtTm choice. The default.</summary>
    V09,

    /// <summary>pain.001.001.03: BIC, ReqdExctnDt as a plain date. Still what many banks accept.</summary>
    V03,
}

public sealed record Pain001Options
{
    public Pain001Version Version { get; init; } = Pain001Version.V09;

    public BankTextProfile Text { get; init; } = BankTextProfile.International;
}

/// <summary>
/// Writes one ISO 20022 pain.001 message with one payment information block. The output is a pure function of the input:
/// UTF-8 without BOM, fixed indentation and line ends, no clock read, so the same batch always gives the same bytes.
/// NbOfTxs and CtrlSum are computed from the transfers, never taken from the caller.
/// </summary>
public sealed class Pain001Writer(Pain001Options? options = null)
{
    private readonly Pain001Options _options = options ?? new Pain001Options();

    public static string Namespace(Pain001Version version) => version switch
    {
        Pain001Version.V03 => "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03",
        _ => "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09",
    };

    public byte[] Write(PaymentFile file)
    {
        using var stream = new MemoryStream();
        Write(file, stream);
        return stream.ToArray();
    }

    public void Write(PaymentFile file, Stream output)
    {
        PaymentFileValidator.EnsureValid(file, _options.Text);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var xml = XmlWriter.Create(output, settings);
        var h = file.Header;
        var nbOfTxs = file.NumberOfTransactions.ToString(CultureInfo.InvariantCulture);
        var ctrlSum = Iso4217.Format(file.ControlSum, h.Currency);

        xml.WriteStartDocument();
        xml.WriteStartElement("Document", Namespace(_options.Version));
        xml.WriteStartElement("CstmrCdtTrfInitn");

        xml.WriteStartElement("GrpHdr");
        xml.WriteElementString("MsgId", h.MessageId);
        xml.WriteElementString("CreDtTm", h.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        xml.WriteElementString("NbOfTxs", nbOfTxs);
        xml.WriteElementString("CtrlSum", ctrlSum);
        WriteParty(xml, "InitgPty", h.InitiatingPartyName);
        xml.WriteEndElement();

        xml.WriteStartElement("PmtInf");
        xml.WriteElementString("PmtInfId", h.PaymentInfoId);
        xml.WriteElementString("PmtMtd", "TRF");
        xml.WriteElementString("NbOfTxs", nbOfTxs);
        xml.WriteElementString("CtrlSum", ctrlSum);
        var date = h.RequestedExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (_options.Version == Pain001Version.V03)
        {
            xml.WriteElementString("ReqdExctnDt", date);
        }
        else
        {
            xml.WriteStartElement("ReqdExctnDt");
            xml.WriteElementString("Dt", date);
            xml.WriteEndElement();
        }
        WriteParty(xml, "Dbtr", h.DebtorName);
        WriteAccount(xml, "DbtrAcct", h.DebtorAccount, h.Currency);
        WriteAgent(xml, "DbtrAgt", h.DebtorAgent, required: true);
        if (h.ChargeBearer is { } bearer) xml.WriteElementString("ChrgBr", ChargeBearerCode(bearer));
        foreach (var instruction in file.Instructions) WriteTransaction(xml, instruction);
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
    }

    private void WriteTransaction(XmlWriter xml, PaymentInstruction i)
    {
        xml.WriteStartElement("CdtTrfTxInf");
        xml.WriteStartElement("PmtId");
        xml.WriteElementString("EndToEndId", i.EndToEndId);
        xml.WriteEndElement();
        xml.WriteStartElement("Amt");
        xml.WriteStartElement("InstdAmt");
        xml.WriteAttributeString("Ccy", i.Currency);
        xml.WriteString(Iso4217.Format(i.Amount, i.Currency));
        xml.WriteEndElement();
        xml.WriteEndElement();
        if (i.CreditorAgent is not null) WriteAgent(xml, "CdtrAgt", i.CreditorAgent, required: false);
        WriteParty(xml, "Cdtr", i.CreditorName);
        WriteAccount(xml, "CdtrAcct", i.CreditorAccount!, currency: null);
        var text = Text(i.RemittanceText, _options.Text.MaxRemittanceLength);
        if (text.Length > 0)
        {
            xml.WriteStartElement("RmtInf");
            xml.WriteElementString("Ustrd", text);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void WriteParty(XmlWriter xml, string element, string name)
    {
        xml.WriteStartElement(element);
        xml.WriteElementString("Nm", Text(name, _options.Text.MaxNameLength));
        xml.WriteEndElement();
    }

    private static void WriteAccount(XmlWriter xml, string element, BankAccountId account, string? currency)
    {
        xml.WriteStartElement(element);
        xml.WriteStartElement("Id");
        if (account.Iban is not null)
        {
            xml.WriteElementString("IBAN", account.Iban);
        }
        else
        {
            xml.WriteStartElement("Othr");
            xml.WriteElementString("Id", account.Other!.Trim());
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        if (currency is not null) xml.WriteElementString("Ccy", currency);
        xml.WriteEndElement();
    }

    private void WriteAgent(XmlWriter xml, string element, BankAgent agent, bool required)
    {
        var name = Text(agent.Name, _options.Text.MaxNameLength);
        var hasClearing = agent.ClearingSystem is not null && agent.MemberId is not null;
        if (!required && agent.Bic is null && !hasClearing && name.Length == 0) return;

        xml.WriteStartElement(element);
        xml.WriteStartElement("FinInstnId");
        if (agent.Bic is not null) xml.WriteElementString(_options.Version == Pain001Version.V03 ? "BIC" : "BICFI", agent.Bic);
        if (hasClearing)
        {
            xml.WriteStartElement("ClrSysMmbId");
            xml.WriteStartElement("ClrSysId");
            // Cd takes the external code list (Max5Text, e.g. CNAPS); a longer, bank-specific name goes in Prtry.
            var system = agent.ClearingSystem!.Trim();
            xml.WriteElementString(system.Length <= 5 ? "Cd" : "Prtry", system.Length <= 5 ? system.ToUpperInvariant() : system);
            xml.WriteEndElement();
            xml.WriteElementString("MmbId", agent.MemberId);
            xml.WriteEndElement();
        }
        if (name.Length > 0) xml.WriteElementString("Nm", name);
        if (agent.Bic is null && !hasClearing && name.Length == 0)
        {
            // The debtor agent is mandatory; banks document NOTPROVIDED for "the account alone identifies the bank".
            xml.WriteStartElement("Othr");
            xml.WriteElementString("Id", "NOTPROVIDED");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private string Text(string? value, int max) => TextReducer.Reduce(value, _options.Text, max);

    private static string ChargeBearerCode(ChargeBearer bearer) => bearer switch
    {
        ChargeBearer.Debtor => "DEBT",
        ChargeBearer.Creditor => "CRED",
        ChargeBearer.FollowingServiceLevel => "SLEV",
        _ => "SHAR",
    };
}
