using ExpenseFlow.Expenses.Domain.Claims;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Domain;

public class ClaimDocumentsTests
{
    private const string Code = "031001900111", Number = "87594058", Key = "I:03100190011187594058";
    private static readonly HashSet<string> None = [];

    private static HashSet<string> Set(params string[] values) => [.. values];

    private static ReceiptEvidence Qr(string hash = "a", string code = Code, string number = Number) =>
        new(Guid.NewGuid(), hash.PadLeft(64, '0'), "发票.jpg", false, code, true, number, "qr");

    private static ReceiptEvidence Photo(string hash = "b") => new(Guid.NewGuid(), hash.PadLeft(64, '0'), "小票.jpg", false, null, false, null, null);

    private static LineDraft Line(InvoiceFields? invoice, params ReceiptEvidence[] receipts) =>
        new("hotel", 100m, "CNY", new DateOnly(2026, 10, 30), null, null, receipts.Select(r => r.ReceiptId).ToList(), invoice);

    private static (Claim Claim, ClaimDocuments Documents) Resolve(IEnumerable<ReceiptEvidence> evidence, params LineDraft[] lines)
    {
        var claim = ClaimTests.NewClaim(lines);
        return (claim, ClaimDocuments.Resolve(claim, evidence.ToDictionary(e => e.ReceiptId)));
    }

    [Fact]
    public void ADocumentsExactIdentity_FillsBlankFields_AndIsClaimed()
    {
        var qr = Qr();
        var (claim, docs) = Resolve([qr], Line(null, qr));

        docs.Adopted[claim.Lines[0].Id].ShouldBe((Code, Number));
        docs.Identities.ShouldHaveSingleItem().Key.ShouldBe(Key);
        docs.Files.ShouldHaveSingleItem().ContentHash.ShouldBe(qr.ContentHash);
        docs.Findings(None, None, None).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, Number)] // the code left out
    [InlineData(Code, "８７５９４０５８")]
    [InlineData(Code, "087594058")]
    public void TypedFieldsNamingTheSameInvoice_TakeTheDocumentsValues(string? code, string number)
    {
        var qr = Qr();
        var (claim, docs) = Resolve([qr], Line(new InvoiceFields { InvoiceCode = code, InvoiceNumber = number }, qr));

        docs.Adopted[claim.Lines[0].Id].ShouldBe((Code, Number));
        docs.Identities.Select(i => i.Key).ShouldBe([Key]);
        docs.Findings(Set(Key), None, None).ShouldHaveSingleItem().Rule.ShouldBe("DuplicateInvoice");
    }

    [Fact]
    public void TypedFieldsContradictingTheDocument_AreAMismatch_AndBothIdentitiesAreClaimed()
    {
        var qr = Qr();
        var (_, docs) = Resolve([qr], Line(new InvoiceFields { InvoiceCode = Code, InvoiceNumber = "11112222" }, qr));

        var finding = docs.Findings(None, None, None).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("InvoiceIdentityMismatch");
        finding.English.ShouldContain("QR code");
        docs.Identities.Select(i => i.Key).ShouldBe([Key, "I:03100190011111112222"], ignoreOrder: true);
    }

    [Fact]
    public void APhotoReadByOcrOnly_LeavesTheTypedIdentity_ButItsFileIsClaimed()
    {
        var photo = Photo();
        var (claim, docs) = Resolve([photo], Line(new InvoiceFields { InvoiceCode = Code, InvoiceNumber = "11112222" }, photo));

        docs.Adopted.ShouldBeEmpty();
        docs.Identities.ShouldHaveSingleItem().Key.ShouldBe("I:03100190011111112222");
        docs.Findings(None, Set(photo.ContentHash), None).ShouldHaveSingleItem().Rule.ShouldBe("DuplicateReceipt");
        claim.Lines[0].Invoice.InvoiceNumber.ShouldBe("11112222");
    }

    [Fact]
    public void ASecondInvoiceOnTheSameLine_IsClaimedToo()
    {
        var first = Qr("a");
        var second = Qr("c", number: "33334444");
        var (_, docs) = Resolve([first, second], Line(null, first, second));

        docs.Identities.Select(i => i.Key).ShouldBe([Key, "I:03100190011133334444"], ignoreOrder: true);
        docs.Findings(Set("I:03100190011133334444"), None, None).ShouldHaveSingleItem().Rule.ShouldBe("DuplicateInvoice");
    }

    [Fact]
    public void ASheetOfTickets_OnSeveralLines_BindsNoLine_ButItsIdentityAndFileAreClaimedOnce()
    {
        var sheet = Qr();
        var (claim, docs) = Resolve([sheet],
            Line(new InvoiceFields { InvoiceCode = "144031900111", InvoiceNumber = "00000001" }, sheet),
            Line(new InvoiceFields { InvoiceCode = "144031900111", InvoiceNumber = "00000002" }, sheet));

        docs.Findings(None, None, None).ShouldBeEmpty();
        docs.Adopted.ShouldBeEmpty();
        docs.Identities.Select(i => i.Key).ShouldBe(["I:14403190011100000001", "I:14403190011100000002", Key], ignoreOrder: true);
        docs.Files.ShouldHaveSingleItem().LineId.ShouldBe(claim.Lines[0].Id);
    }

    [Fact]
    public void TheSameDocumentOnTwoLines_AsTwoFiles_IsADuplicateWithinTheClaim()
    {
        var pdf = Qr("a");
        var ofd = Qr("d");
        var (_, docs) = Resolve([pdf, ofd], Line(null, pdf), Line(null, ofd));

        var finding = docs.Findings(None, None, None).ShouldHaveSingleItem();
        (finding.Rule, finding.Line).ShouldBe(("DuplicateInvoice", 1));
    }

    [Fact]
    public void ANumberWithoutItsCode_IsADuplicateWhenThatNumberIsClaimed_AndOtherwiseIncomplete()
    {
        var (_, docs) = Resolve([], Line(new InvoiceFields { InvoiceNumber = "0" + Number }));

        docs.Identities.ShouldBeEmpty();
        docs.Findings(None, None, Set(Number)).ShouldHaveSingleItem().Rule.ShouldBe("DuplicateInvoice");
        docs.Findings(None, None, None).ShouldHaveSingleItem().Rule.ShouldBe("InvoiceIdentityInvalid");
    }

    [Fact]
    public void ADocumentStillBeingRead_HoldsTheSubmit()
    {
        var pending = Photo() with { Pending = true };
        var (_, docs) = Resolve([pending], Line(null, pending));

        docs.Findings(None, None, None).ShouldHaveSingleItem().Rule.ShouldBe("RecognitionPending");
    }
}
