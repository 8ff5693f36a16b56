using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>Line items: cells between the column header row (项目名称 … 税额) and the 合计 row, assigned to the nearest column.</summary>
internal static class LineItems
{
    private static readonly (string Column, string[] Headers)[] Columns =
    [
        ("name", ["项目名称", "货物或应税劳务、服务名称", "货物或应税劳务名称", "货物或应税劳务"]),
        ("spec", ["规格型号"]),
        ("unit", ["单位"]),
        ("qty", ["数量"]),
        ("price", ["单价"]),
        ("amount", ["金额"]),
        ("rate", ["税率/征收率", "税率"]),
        ("tax", ["税额"]),
    ];

    public static List<LineItem> Read(Layout layout)
    {
        var header = layout.Lines.FirstOrDefault(l => Columns[0].Headers.Any(h => layout.CompactOf(l).Contains(h, StringComparison.Ordinal)));
        if (header is null) return [];
        var headerRow = layout.Lines.Where(l => layout.SameRow(header, l)).ToList();
        var columns = new List<(string Column, float Center)>();
        foreach (var (column, headers) in Columns)
        {
            var cell = headerRow.FirstOrDefault(l => headers.Any(h => layout.CompactOf(l).Contains(h, StringComparison.Ordinal))
                                                     && !(column == "amount" && Layout.Compact(l.Text).Contains("税额", StringComparison.Ordinal) && !Layout.Compact(l.Text).StartsWith("金额", StringComparison.Ordinal)));
            if (cell is not null) columns.Add((column, cell.X + cell.Width / 2));
        }
        if (columns.Count < 3) return [];
        var totalRow = layout.Lines.Where(l => l.Y > header.Bottom && layout.CompactOf(l) is var t && (t.StartsWith("合计", StringComparison.Ordinal) || t.Contains("价税合计", StringComparison.Ordinal)))
            .OrderBy(l => l.Y).FirstOrDefault();
        var bottom = totalRow?.Y ?? float.MaxValue;
        var body = layout.Lines.Where(l => l.Y > header.Bottom - 1 && l.Bottom <= bottom + 1 && !headerRow.Contains(l)).OrderBy(l => l.CenterY).ToList();

        var items = new List<LineItem>();
        var rows = new List<List<TextLine>>();
        foreach (var cell in body)
        {
            var row = rows.LastOrDefault();
            if (row is not null && layout.SameRow(row[0], cell)) row.Add(cell); else rows.Add([cell]);
        }
        foreach (var row in rows)
        {
            var item = new LineItem();
            foreach (var cell in row)
            {
                var center = cell.X + cell.Width / 2;
                var column = columns.OrderBy(col => Math.Abs(col.Center - center)).First().Column;
                if (column != "name" && cell.X < columns[0].Center && columns[0].Column == "name") column = "name";
                var text = TextNormalizer.Normalize(cell.Text).Trim();
                switch (column)
                {
                    case "name": item.Name = item.Name is null ? text : item.Name + text; break;
                    case "spec": item.Specification = text; break;
                    case "unit": item.Unit = text; break;
                    case "qty": item.Quantity = text; break;
                    case "price": item.UnitPrice = text; break;
                    case "amount": item.Amount = Parsing.Amount(text); break;
                    case "rate": item.TaxRate = text; break;
                    case "tax": item.TaxAmount = Parsing.Amount(text); break;
                }
            }
            if (item.Name is null && item.Amount is null) continue;
            // A row with only a name continues the previous item's name (names wrap).
            if (item.Amount is null && item.TaxAmount is null && items.Count > 0 && item.Name is not null) items[^1].Name += item.Name;
            else items.Add(item);
        }
        return items;
    }
}
