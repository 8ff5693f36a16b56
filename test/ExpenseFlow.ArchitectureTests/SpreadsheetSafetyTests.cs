using ExpenseFlow.BuildingBlocks.Text;
using Shouldly;
using Xunit;

namespace ExpenseFlow.ArchitectureTests;

/// <summary>
/// Exports are safe to open: every CSV and .xlsx the product writes passes its text cells through
/// <see cref="SpreadsheetText"/> (OWASP CSV injection). The writers are found in the source by what writes cells, so a
/// new export that forgets the helper fails here instead of reaching a finance user's spreadsheet program.
/// </summary>
public class SpreadsheetSafetyTests
{
    /// <summary>What writing spreadsheet cells looks like with the libraries the product uses (CsvHelper, MiniExcel, Open XML SDK) or by hand.</summary>
    private static readonly string[] CellWriters =
    [
        "WriteField(", "WriteRecord(", "WriteRecords(", ".SaveAs(", "SaveAsAsync(", "new Cell ", "new Cell(", "new Cell{", "CellValues.SharedString",
        "CellValues.InlineString", "CellValues.String", "AppendJoin(','", "AppendJoin(\",\"", "AppendJoin(';'", "string.Join(',',", "string.Join(\",\",",
    ];

    /// <summary>The writers that exist today: the scan must find them, so it cannot pass by finding nothing.</summary>
    private static readonly string[] KnownWriters =
    [
        "src/ExpenseFlow.Payments.Domain/BankFiles/BankTemplateWriter.cs",
        "src/ExpenseFlow.Payments.Domain/Accounting/Journal.cs",
        "src/ExpenseFlow.Insights.Application/Reports/RoiXlsxSheet.cs",
    ];

    [Fact]
    public void EveryFileThatWritesSpreadsheetCells_NeutralisesFormulas()
    {
        var root = RepositoryRoot();
        var writers = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .Where(f => CellWriters.Any(m => f.Text.Contains(m, StringComparison.Ordinal)))
            .ToList();

        KnownWriters.Except(writers.Select(w => w.Path)).ShouldBeEmpty("the scan must find the writers that exist");
        writers.Where(w => !w.Text.Contains("SpreadsheetText.Cell(", StringComparison.Ordinal)).Select(w => w.Path)
            .ShouldBeEmpty("these files write CSV or spreadsheet cells without SpreadsheetText.Cell");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"a\")", "'=HYPERLINK(\"http://x\",\"a\")")]
    [InlineData("+SUM(1,2)", "'+SUM(1,2)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("-", "'-")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("+86", "+86")]
    [InlineData("1234.50", "1234.50")]
    [InlineData("杨帆", "杨帆")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Cell_QuotesWhatASpreadsheetWouldRun_AndLeavesNumbersAndNamesAlone(string text, string expected)
    {
        SpreadsheetText.Cell(text).ShouldBe(expected);
        SpreadsheetText.IsFormulaLike(SpreadsheetText.Cell(text)).ShouldBeFalse();
    }

    [Fact]
    public void Cell_WithALimit_KeepsTheQuoteInsideIt()
    {
        SpreadsheetText.Cell("=ABCDEFGH", 5).ShouldBe("'=ABC");
        SpreadsheetText.Cell("=𠀀𠀁𠀂", 3).ShouldBe("'=𠀀", "characters are counted as the bank counts them, never half a surrogate pair");
        SpreadsheetText.Cell("ABCDEFGH", 5).ShouldBe("ABCDEFGH", "text that needs no quote is not cut here");
        SpreadsheetText.Cell(null).ShouldBe("");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExpenseFlow.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No ExpenseFlow.sln above {AppContext.BaseDirectory}: the source scan needs the repository.");
    }
}
