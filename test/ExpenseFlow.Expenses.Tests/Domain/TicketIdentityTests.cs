using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Domain;

/// <summary>
/// Identities recognition read from tickets and sheets: a sure reading is claimed whatever the line says, an unsure one
/// is only noted, and a match of either kind is answered as its certainty allows.
/// </summary>
public class TicketIdentityTests
{
    private const string Train = "T:train-ticket:021B045317", Bus = "T:bus-ship-ticket:0083125";
    private static readonly HashSet<string> None = [];

    private static HashSet<string> Set(params string[] values) => [.. values];

    private static ReceiptEvidence Photo(string hash, params DocumentRead[] reads) =>
        new(Guid.NewGuid(), hash.PadLeft(64, '0'), "票.jpg", false, null, false, null, null, reads);

    private static DocumentRead Ticket(int index, string key, bool sure = true) =>
        new(index, key, key[(key.LastIndexOf(':') + 1)..], key.Split(':')[1], sure);

    private static LineDraft Line(int? index, params ReceiptEvidence[] receipts) =>
        new("travel", 41m, "CNY", new DateOnly(2019, 3, 10), null, null, receipts.Select(r => r.ReceiptId).ToList(), null, index);

    private static ClaimDocuments Resolve(IEnumerable<ReceiptEvidence> evidence, params LineDraft[] lines) =>
        ClaimDocuments.Resolve(ClaimTests.NewClaim(lines), evidence.ToDictionary(e => e.ReceiptId));

    [Fact]
    public void ASureTicketSerial_IsClaimed_AndAnotherClaimHoldingItBlocks()
    {
        var photo = Photo("a", Ticket(0, Train));
        var docs = Resolve([photo], Line(null, photo));

        var claimed = docs.Identities.ShouldHaveSingleItem();
        claimed.Key.ShouldBe(Train);
        claimed.TicketKind.ShouldBe("train-ticket");
        docs.Unsure.ShouldBeEmpty();
        docs.Findings(None, None, None).ShouldBeEmpty();
        var finding = docs.Findings(Set(Train), None, None).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("DuplicateInvoice");
        finding.Severity.ShouldBe(PolicySeverity.Block);
        finding.Chinese.ShouldContain("火车票021B045317已被报销");
    }

    [Fact]
    public void AnUnsureReading_IsNotedNotClaimed_AndAMatchIsAWarning()
    {
        var photo = Photo("a", Ticket(0, Bus, sure: false));
        var docs = Resolve([photo], Line(null, photo));

        docs.Identities.ShouldBeEmpty();
        docs.Unsure.ShouldHaveSingleItem().Key.ShouldBe(Bus);
        docs.Findings(None, None, None).ShouldBeEmpty();
        foreach (var finding in new[] { docs.Findings(Set(Bus), None, None).Single(), docs.Findings(None, None, None, Set(Bus)).Single() })
        {
            finding.Rule.ShouldBe("PossibleDuplicate");
            finding.Severity.ShouldBe(PolicySeverity.Warn);
            finding.Line.ShouldBe(0);
        }
    }

    [Fact]
    public void ASureReadingOnlyNotedElsewhere_IsAWarning_TheOtherMayHaveBeenAMisread()
    {
        var photo = Photo("a", Ticket(0, Train));
        var docs = Resolve([photo], Line(null, photo));

        docs.Findings(None, None, None, Set(Train)).ShouldHaveSingleItem().Rule.ShouldBe("PossibleDuplicate");
    }

    [Fact]
    public void TwoPhotosOfOneTicket_OnTwoLines_AreOneTicketTwice()
    {
        var first = Photo("a", Ticket(0, Train));
        var second = Photo("b", Ticket(0, Train));
        var docs = Resolve([first, second], Line(null, first), Line(null, second));

        var finding = docs.Findings(None, None, None).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("DuplicateInvoice");
        finding.Line.ShouldBe(1);
        finding.English.ShouldContain("also on line 1");
        docs.Identities.ShouldHaveSingleItem().Position.ShouldBe(0);
    }

    [Fact]
    public void ASheet_EachLineClaimsTheDocumentItNames()
    {
        var sheet = Photo("a", Ticket(0, Train), Ticket(1, "T:air-itinerary:5523864107"), Ticket(2, Bus, sure: false));
        var docs = Resolve([sheet], Line(0, sheet), Line(1, sheet));

        docs.Identities.Select(i => (i.Key, i.Position)).ShouldBe([(Train, 0), ("T:air-itinerary:5523864107", 1)]);
        docs.Unsure.ShouldBeEmpty("the bus ticket is on no line, so a later claim may take it");
        docs.Findings(None, None, None).ShouldBeEmpty();
    }

    [Fact]
    public void ASheetOnALineWithoutAnIndex_ClaimsAllItsDocuments_NoneCanBeHiddenBehindIt()
    {
        var sheet = Photo("a", Ticket(0, Train), Ticket(1, "T:air-itinerary:5523864107"), Ticket(2, Bus, sure: false));
        var docs = Resolve([sheet], Line(null, sheet));

        docs.Identities.Select(i => i.Key).ShouldBe([Train, "T:air-itinerary:5523864107"]);
        docs.Unsure.ShouldHaveSingleItem().Key.ShouldBe(Bus);
    }

    [Fact]
    public void AnInvoiceReadFromAPhoto_IsClaimedEvenWhenTheLineWasCleared()
    {
        const string key = "I:11100198107133017722";
        var photo = Photo("a", new DocumentRead(0, key, "111001981071-33017722", null, true));
        var docs = Resolve([photo], Line(null, photo));

        docs.Identities.ShouldHaveSingleItem().Key.ShouldBe(key);
        docs.Findings(Set(key), None, None).ShouldHaveSingleItem().Chinese.ShouldContain("发票111001981071");
    }

    [Fact]
    public void TheSameFileOnTwoLines_IsNotReportedAsTwoTickets()
    {
        var photo = Photo("a", Ticket(0, Train));
        var docs = Resolve([photo], Line(null, photo), Line(null, photo));

        docs.Findings(None, None, None).ShouldBeEmpty();
        docs.Identities.ShouldHaveSingleItem();
    }
}
