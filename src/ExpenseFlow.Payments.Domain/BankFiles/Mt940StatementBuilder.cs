using System.Globalization;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Collects the fields of one MT940 statement in file order.</summary>
internal sealed class Mt940StatementBuilder
{
    private readonly List<StatementBalance> _balances = [];
    private readonly List<StatementEntry> _entries = [];
    private BankStatement _statement = new() { Format = StatementFormat.Mt940 };
    private bool _detailsBelongToEntry;

    public bool HasContent { get; private set; }

    public void Add(string tag, string value, int line)
    {
        if (!HasContent) _statement = _statement with { Location = $"line {line}" };
        HasContent = true;
        var text = value.Trim();
        switch (tag)
        {
            case "20": _statement = _statement with { StatementId = text }; break;
            case "21": _statement = _statement with { RelatedReference = text }; break;
            case "25": _statement = _statement with { Account = text }; break;
            case "28" or "28C":
                var parts = text.Split('/', 2);
                _statement = _statement with { StatementNumber = parts[0], SequenceNumber = parts.Length > 1 ? parts[1] : null };
                break;
            case "13" or "13D": _statement = _statement with { CreatedAt = CreationTime(text) }; break;
            case "60F": AddBalance(BalanceType.Opening, text); break;
            case "60M": AddBalance(BalanceType.IntermediateOpening, text); break;
            case "62F": AddBalance(BalanceType.Closing, text); break;
            case "62M": AddBalance(BalanceType.IntermediateClosing, text); break;
            case "64": AddBalance(BalanceType.ClosingAvailable, text); break;
            case "65": AddBalance(BalanceType.ForwardAvailable, text); break;
            case "61":
                _entries.Add(Mt940StatementLine.Parse(value, _statement.Currency) with { Location = $"line {line}" });
                _detailsBelongToEntry = true;
                return;
            case "86" when _detailsBelongToEntry && _entries.Count > 0:
                _entries[^1] = Mt940Details.Apply(_entries[^1], value);
                break;
            case "86":
                _statement = _statement with { AdditionalInfo = Mt940Details.Join(value) };
                break;
        }
        _detailsBelongToEntry = false;
    }

    public BankStatement Build() => _statement with { Balances = _balances.ToList(), Entries = _entries.ToList() };

    private void AddBalance(BalanceType type, string text)
    {
        // D|C, YYMMDD, currency, amount with a decimal comma.
        var amount = Mt940Parser.Amount(text[10..]);
        var currency = text[7..10];
        _balances.Add(new StatementBalance(type, text[0] == 'D' ? -amount : amount, currency, Mt940Parser.Date(text[1..7]), TagCode(type)));
        _statement = _statement with { Currency = _statement.Currency ?? currency };

        static string TagCode(BalanceType t) => t switch
        {
            BalanceType.Opening => "60F",
            BalanceType.IntermediateOpening => "60M",
            BalanceType.Closing => "62F",
            BalanceType.IntermediateClosing => "62M",
            BalanceType.ClosingAvailable => "64",
            _ => "65",
        };
    }

    private static DateTimeOffset CreationTime(string text)
    {
        // YYMMDDHHMM with an optional +hhmm / -hhmm offset.
        var date = Mt940Parser.Date(text[..6]);
        var time = new TimeOnly(int.Parse(text[6..8], CultureInfo.InvariantCulture), int.Parse(text[8..10], CultureInfo.InvariantCulture));
        var offset = TimeSpan.Zero;
        if (text.Length >= 15)
        {
            var sign = text[10] == '-' ? -1 : 1;
            offset = sign * new TimeSpan(int.Parse(text[11..13], CultureInfo.InvariantCulture), int.Parse(text[13..15], CultureInfo.InvariantCulture), 0);
        }
        return new DateTimeOffset(date.ToDateTime(time), offset);
    }
}
