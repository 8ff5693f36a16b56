using System.Globalization;
using System.Text;
using ExpenseFlow.Payments.Domain.BankFiles;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>
/// Synthetic bank files of any size: statements that book our own payments back (debits with our EndToEndIds), mixed
/// with incoming credits. Shared with the benchmarks by link, so tests and figures use the same shapes.
/// </summary>
internal static class BankFileFixtures
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static decimal AmountOf(int i) => i % 1000 + 1.5m;

    public static PaymentFile Payments(int count) => new(
        SamplePayments.EuroHeader() with { MessageId = "EF-BENCH-0001", PaymentInfoId = "EF-BENCH-0001-1" },
        Enumerable.Range(1, count).Select(i => new PaymentInstruction(
            $"EF-CLAIM-{i:D6}", AmountOf(i), "EUR", $"Employee Ørsted-Müller {i}", BankAccountId.FromIban("NL91ABNA0417164300"),
            i % 3 == 0 ? BankAgent.FromBic("ABNANL2A") : null, $"Expense claim EC-{i:D6} March travel and meals")).ToList());

    public static byte[] Camt053(int entries, string ns)
    {
        var v08 = ns == Camt053Parser.V08;
        var sb = new StringBuilder(entries * 900 + 2000);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"").Append(ns).Append("\"><BkToCstmrStmt>")
          .Append("<GrpHdr><MsgId>STMT-BENCH</MsgId><CreDtTm>2025-03-18T06:00:00+08:00</CreDtTm></GrpHdr>")
          .Append("<Stmt><Id>STMT-BENCH-1</Id><CreDtTm>2025-03-18T06:00:00+08:00</CreDtTm>")
          .Append("<Acct><Id><Othr><Id>1001234509000012345</Id></Othr></Id><Ccy>CNY</Ccy></Acct>");
        decimal total = 0;
        for (var i = 0; i < entries; i++) total += i % 2 == 1 ? -AmountOf(i) : AmountOf(i);
        Balance(sb, "OPBD", 1_000_000m);
        Balance(sb, "CLBD", 1_000_000m + total);
        for (var i = 0; i < entries; i++)
        {
            var debit = i % 2 == 1;
            var side = debit ? "Cdtr" : "Dbtr";
            sb.Append("<Ntry><NtryRef>").Append(i.ToString(Inv)).Append("</NtryRef><Amt Ccy=\"CNY\">").Append(AmountOf(i).ToString("0.00", Inv))
              .Append("</Amt><CdtDbtInd>").Append(debit ? "DBIT" : "CRDT").Append("</CdtDbtInd>")
              .Append(v08 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>")
              .Append("<BookgDt><Dt>2025-03-17</Dt></BookgDt><ValDt><Dt>2025-03-17</Dt></ValDt>")
              .Append("<AcctSvcrRef>BANK-").Append(i.ToString(Inv)).Append("</AcctSvcrRef>")
              .Append("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>").Append(debit ? "ICDT" : "RCDT").Append("</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>")
              .Append("<NtryDtls><TxDtls><Refs><EndToEndId>").Append(debit ? $"EF-CLAIM-{i:D6}" : "NOTPROVIDED").Append("</EndToEndId></Refs>")
              .Append("<RltdPties><").Append(side).Append('>').Append(v08 ? "<Pty><Nm>" : "<Nm>").Append("员工 ").Append(i.ToString(Inv))
              .Append(v08 ? "</Nm></Pty>" : "</Nm>").Append("</").Append(side).Append("><").Append(side).Append("Acct><Id><Othr><Id>62220202")
              .Append(i.ToString("D11", Inv)).Append("</Id></Othr></Id></").Append(side).Append("Acct></RltdPties>")
              .Append("<RmtInf><Ustrd>Expense claim ").Append(i.ToString(Inv)).Append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>");
        }
        sb.Append("</Stmt></BkToCstmrStmt></Document>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static string Mt940(int entries)
    {
        var sb = new StringBuilder(entries * 260 + 500);
        sb.Append(":20:STMT-BENCH\r\n:25:DE89370400440532013000\r\n:28C:00001/001\r\n:60F:C250316EUR1000000,00\r\n");
        decimal balance = 1_000_000m;
        for (var i = 0; i < entries; i++)
        {
            var debit = i % 2 == 1;
            var amount = AmountOf(i);
            balance += debit ? -amount : amount;
            sb.Append(":61:2503170317").Append(debit ? 'D' : 'C').Append(amount.ToString("0.00", Inv).Replace('.', ','))
              .Append("NTRFEF").Append(i.ToString("D6", Inv)).Append("//BANK").Append(i.ToString(Inv)).Append("\r\n")
              .Append(":86:").Append(debit ? "116" : "166").Append("?00SEPA UEBERWEISUNG?20EREF+EF-CLAIM-").Append(i.ToString("D6", Inv))
              .Append("?21SVWZ+Expense claim ").Append(i.ToString(Inv)).Append("\r\n?30ABNANL2A?31NL91ABNA0417164300?32Employee ")
              .Append(i.ToString(Inv)).Append("\r\n");
        }
        sb.Append(":62F:C250317EUR").Append(balance.ToString("0.00", Inv).Replace('.', ',')).Append("\r\n-\r\n");
        return sb.ToString();
    }

    private static void Balance(StringBuilder sb, string code, decimal amount) =>
        sb.Append("<Bal><Tp><CdOrPrtry><Cd>").Append(code).Append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"CNY\">")
          .Append(Math.Abs(amount).ToString("0.00", Inv)).Append("</Amt><CdtDbtInd>").Append(amount < 0 ? "DBIT" : "CRDT")
          .Append("</CdtDbtInd><Dt><Dt>").Append(code == "OPBD" ? "2025-03-16" : "2025-03-17").Append("</Dt></Dt></Bal>");
}
