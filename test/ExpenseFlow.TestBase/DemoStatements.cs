using System.Globalization;
using System.Text;

namespace ExpenseFlow.TestBase;

/// <summary>Bank statements the tests write: what the company's bank would send back after paying.</summary>
public static class DemoStatements
{
    /// <summary>The demo company's paying account (上海示例科技有限公司 at 招商银行, as the Organization seeder sets it).</summary>
    public const string CompanyAccount = "121900000000001";

    public sealed record Entry(decimal Amount, bool Credit, DateOnly Booked, string? EndToEndId, string? Counterparty, string Reference);

    /// <summary>A camt.053.001.08 statement of the company's account with the given entries.</summary>
    public static byte[] Camt053(string id, params Entry[] entries) => Camt053Of(CompanyAccount, id, entries);

    /// <summary>A camt.053.001.08 statement of <paramref name="account"/> (an IBAN or a bank's own number) with the given entries.</summary>
    public static byte[] Camt053Of(string account, string id, params Entry[] entries)
    {
        var iban = account.Length > 4 && char.IsAsciiLetter(account[0]) && char.IsAsciiLetter(account[1]);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>");
        sb.Append("<GrpHdr><MsgId>").Append(id).Append("</MsgId><CreDtTm>2026-11-25T08:00:00+08:00</CreDtTm></GrpHdr><Stmt><Id>").Append(id)
          .Append("</Id><CreDtTm>2026-11-25T08:00:00+08:00</CreDtTm><Acct><Id>")
          .Append(iban ? $"<IBAN>{account}</IBAN>" : $"<Othr><Id>{account}</Id></Othr>").Append("</Id><Ccy>CNY</Ccy></Acct>");
        foreach (var e in entries)
        {
            var side = e.Credit ? "Dbtr" : "Cdtr";
            sb.Append("<Ntry><NtryRef>").Append(e.Reference).Append("</NtryRef><Amt Ccy=\"CNY\">").Append(e.Amount.ToString("0.00", inv)).Append("</Amt><CdtDbtInd>")
              .Append(e.Credit ? "CRDT" : "DBIT").Append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>").Append(e.Booked.ToString("yyyy-MM-dd", inv))
              .Append("</Dt></BookgDt><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>");
            if (e.EndToEndId is not null)
            {
                sb.Append("<Refs><EndToEndId>").Append(e.EndToEndId).Append("</EndToEndId></Refs>");
            }

            if (e.Counterparty is not null)
            {
                sb.Append("<RltdPties><").Append(side).Append("><Pty><Nm>").Append(e.Counterparty).Append("</Nm></Pty></").Append(side).Append("></RltdPties>");
            }

            sb.Append("</TxDtls></NtryDtls></Ntry>");
        }

        sb.Append("</Stmt></BkToCstmrStmt></Document>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
