using System.Text.Encodings.Web;
using System.Text.Json;
using ExpenseFlow.Recognition.Invoices;
using ExpenseFlow.Recognition.Tests.Support;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Tests.Generated;

/// <summary>
/// Tickets of every kind of issue 15 (train card and e-ticket, itinerary, taxi, quota, toll, bus/ship, roll invoice,
/// hotel folio), drawn from their real layouts, read back through OCR: every printed field exact, nothing unprinted
/// guessed; and a 粘贴单 of three and of four documents, each found with its kind, fields and box. The renderer's own
/// test writes the set for the CLI's bench when EXPENSEFLOW_TEST_DUMP is set.
/// </summary>
public class GeneratedTicketTests
{
    /// <summary>Every ticket as PNG and JPEG at 8 px/mm; the first of each layout also as a JPEG at 6 px/mm.</summary>
    public static TheoryData<string, float, string> Variants()
    {
        var data = new TheoryData<string, float, string>();
        foreach (var (t, px, format) in Renders()) data.Add(t.Name, px, format);
        return data;
    }

    private static IEnumerable<(SampleTicket Ticket, float PxPerMm, string Format)> Renders()
    {
        foreach (var t in SampleTickets.All)
        {
            yield return (t, 8, "png");
            yield return (t, 8, "jpg");
            if (SampleTickets.All.First(o => o.Layout == t.Layout) == t) yield return (t, 6, "jpg");
        }
    }

    /// <summary>The two sheets: the portal's three (train, taxi, quota) and the four (plus a toll receipt).</summary>
    private static PastedSheet Sheet(int count) => count == 4
        ? TicketRenderer.PastingSheet(8, 15, SampleTickets.TrainWuhan, SampleTickets.TaxiBeijing, SampleTickets.QuotaBeijing, SampleTickets.TollJiangsu)
        : TicketRenderer.PastingSheet(8, 7, SampleTickets.TrainBeijing, SampleTickets.TaxiShanghai, SampleTickets.QuotaGuangdong);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Recognize_RenderedTicket_ReadsTheKindAndEveryPrintedField(string name, float pxPerMm, string format)
    {
        var t = SampleTickets.ByName(name);
        var r = Engines.WithOcr.Recognize(Render(t, pxPerMm, format), $"{name}-{pxPerMm}.{format}");

        r.Error.ShouldBeNull();
        TicketCheck.Wrong(t, r).ShouldBeEmpty(string.Join(" | ", r.TextLines.Select(l => l.Text)));
        r.Identity.ShouldBe(Identity(t));
        r.Documents.ShouldBeEmpty("one document per image");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Recognize_PastingSheet_ReturnsEachDocumentWithItsKindFieldsAndBox(int count)
    {
        using var sheet = Sheet(count);
        var r = Engines.WithOcr.Recognize(TicketRenderer.Encode(sheet.Bitmap, SKEncodedImageFormat.Jpeg, 88), $"sheet-{count}.jpg");

        r.Error.ShouldBeNull();
        r.Documents.Count.ShouldBe(count, string.Join(" | ", r.Documents.Select(d => $"{ResultJson.KindName(d.Kind)} {d.Box}")));
        var matched = new HashSet<RecognitionResult>();
        for (var i = 0; i < count; i++)
        {
            var (t, drawn) = (sheet.Documents[i], sheet.Boxes[i]);
            var found = r.Documents.Where(d => d.Box is not null).MaxBy(d => TicketCheck.IoU(d.Box!.Value, drawn));
            found.ShouldNotBeNull(t.Name);
            TicketCheck.IoU(found.Box!.Value, drawn).ShouldBeGreaterThanOrEqualTo(0.5, $"{t.Name}: drawn {drawn}, found {found.Box}");
            matched.Add(found).ShouldBeTrue($"{t.Name}: its box is another document's");
            TicketCheck.Wrong(t, found).ShouldBeEmpty(t.Name);
            found.Identity.ShouldBe(Identity(t), t.Name);
        }
        // The result's own fields are the first document's, so a caller that reads one document still gets a whole one.
        r.Kind.ShouldBe(r.Documents[0].Kind);
        r.Identity.ShouldBe(r.Documents[0].Identity);
    }

    /// <summary>
    /// Runs always: every ticket and both sheets are drawn, decode back to their size, carry ink, and the samples are
    /// consistent (valid tax ids, 大写 equal to figures, the card's bottom code ending with its serial, sheets' boxes on
    /// the page and apart). With EXPENSEFLOW_TEST_DUMP=DIR, writes them and labels.jsonl to DIR/tickets for the bench.
    /// </summary>
    [Fact]
    public void Render_EveryTicketAndSheet_IsConsistentAndDumpsForTheBench()
    {
        var dump = Environment.GetEnvironmentVariable("EXPENSEFLOW_TEST_DUMP") is { Length: > 0 } root ? Path.Combine(root, "tickets") : null;
        var labels = new List<string>();
        foreach (var t in SampleTickets.All) SampleIsConsistent(t);
        SampleTickets.All.Select(t => t.Kind).Distinct().Count().ShouldBe(8, "every ticket kind of issue 15");

        foreach (var (t, px, format) in Renders())
        {
            var bytes = Render(t, px, format);
            var (w, h) = TicketRenderer.Size(t);
            using var decoded = SKBitmap.Decode(bytes);
            decoded.Width.ShouldBe((int)Math.Round(w * px), t.Name);
            decoded.Height.ShouldBe((int)Math.Round(h * px), t.Name);
            DarkShare(decoded).ShouldBeInRange(0.01, 0.35, $"{t.Name}: ink on the page");
            var file = $"{t.Name}-{px}.{format}";
            if (dump is null) continue;
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, file), bytes);
            labels.Add(JsonSerializer.Serialize(new { file, kind = t.KindName, fields = t.Expected }, Json));
        }

        foreach (var count in new[] { 3, 4 })
        {
            using var sheet = Sheet(count);
            var page = (W: sheet.Bitmap.Width, H: sheet.Bitmap.Height);
            for (var i = 0; i < count; i++)
            {
                var b = sheet.Boxes[i];
                (b.X >= 0 && b.Y >= 0 && b.X + b.Width <= page.W && b.Y + b.Height <= page.H).ShouldBeTrue($"{sheet.Documents[i].Name} {b} off the page");
                for (var j = i + 1; j < count; j++)
                    TicketCheck.IoU(b, sheet.Boxes[j]).ShouldBe(0, $"{sheet.Documents[i].Name} overlaps {sheet.Documents[j].Name}");
            }
            var bytes = TicketRenderer.Encode(sheet.Bitmap, SKEncodedImageFormat.Jpeg, 88);
            if (dump is null) continue;
            var file = $"sheet-{count}.jpg";
            File.WriteAllBytes(Path.Combine(dump, file), bytes);
            // A sheet's own fields are left empty: the bench scores its documents, which carry kind, box and fields.
            var documents = sheet.Documents.Select((t, i) => new
            {
                kind = t.KindName, box = new[] { sheet.Boxes[i].X, sheet.Boxes[i].Y, sheet.Boxes[i].Width, sheet.Boxes[i].Height }.Select(v => Math.Round(v, 1)),
                fields = t.Expected,
            });
            labels.Add(JsonSerializer.Serialize(new { file, kind = "sheet", fields = new Dictionary<string, string>(), documents }, Json));
        }
        if (dump is not null) File.WriteAllLines(Path.Combine(dump, "labels.jsonl"), labels);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void SampleIsConsistent(SampleTicket t)
    {
        var empty = new RecognitionResult { File = t.Name };
        foreach (var field in t.Expected.Keys.Concat(t.Absent)) TicketCheck.Actual(empty, field).ShouldBeNull($"{t.Name}: {field} is a field");
        foreach (var id in new[] { FieldNames.BuyerTaxId, FieldNames.SellerTaxId }.Select(t.Get).OfType<string>())
            Uscc.IsValid(id).ShouldBeTrue($"{t.Name}: {id}");
        if (t.Get("issuerTaxId") is { } issuer) Uscc.IsValid(issuer).ShouldBeTrue(t.Name);
        if (t.Get("capitals") is { } capitals) ChineseAmount.Parse(capitals).ShouldBe(decimal.Parse(t[FieldNames.TotalAmount]), t.Name);
        if (t.Layout == TicketLayout.TrainPaper)
        {
            t["bottomCode"].Length.ShouldBe(21, t.Name);
            t["bottomCode"].ShouldEndWith(t[FieldNames.SerialNumber][^7..], Case.Sensitive, t.Name);
        }
        if (t.Layout == TicketLayout.AirItinerary)
        {
            decimal A(string f) => t.Get(f) is { } v ? decimal.Parse(v) : 0;
            (A(FieldNames.Fare) + A(FieldNames.CivilAviationFund) + A(FieldNames.FuelSurcharge) + A(FieldNames.OtherTaxes)).ShouldBe(A(FieldNames.TotalAmount));
            t[FieldNames.SerialNumber].Length.ShouldBe(10);
            t[FieldNames.ETicketNumber].Length.ShouldBe(13);
        }
        if (t.Layout == TicketLayout.HotelFolio)
            (decimal.Parse(t[FieldNames.Travel.NightlyRate]) * int.Parse(t[FieldNames.Travel.Nights]))
                .ShouldBe(t.Rows.Where(r => r[3] == "Room Charge").Sum(r => decimal.Parse(r[4])), t.Name);
    }

    /// <summary>The duplicate-detection key DocumentIdentity must give the ticket.</summary>
    private static string Identity(SampleTicket t) =>
        t.Expected.TryGetValue(FieldNames.InvoiceNumber, out var number)
            ? t.Expected.TryGetValue(FieldNames.InvoiceCode, out var code) ? $"invoice:{code}-{number}" : $"invoice:{number}"
            : $"{t.KindName}:{t.Get(FieldNames.SerialNumber) ?? t[FieldNames.ETicketNumber]}";

    internal static byte[] Render(SampleTicket t, float pxPerMm, string format)
    {
        using var bmp = TicketRenderer.Bitmap(t, pxPerMm);
        return format == "png"
            ? TicketRenderer.Encode(bmp, SKEncodedImageFormat.Png)
            : TicketRenderer.Encode(bmp, SKEncodedImageFormat.Jpeg, pxPerMm >= 8 ? 85 : 80);
    }

    /// <summary>Share of pixels darker than mid-grey: a blank or a black page is a drawing bug.</summary>
    private static double DarkShare(SKBitmap bmp)
    {
        var dark = 0;
        for (var y = 0; y < bmp.Height; y += 2)
        for (var x = 0; x < bmp.Width; x += 2)
        {
            var c = bmp.GetPixel(x, y);
            if (c.Red * 0.3 + c.Green * 0.59 + c.Blue * 0.11 < 128) dark++;
        }
        return dark / (double)((bmp.Height + 1) / 2 * ((bmp.Width + 1) / 2));
    }
}
