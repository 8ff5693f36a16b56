using ExpenseFlow.BuildingBlocks.Input;
namespace ExpenseFlow.Expenses.Contracts;

public sealed record InvoiceFieldsDto(
    string? InvoiceType, string? InvoiceCode, string? InvoiceNumber, DateOnly? IssueDate, string? CheckCode,
    [Money(AllowNegative = true)] decimal? AmountExcludingTax, [Money(AllowNegative = true)] decimal? TaxAmount, [Money(AllowNegative = true)] decimal? TotalAmount,
    string? SellerName, string? SellerTaxId,
    string? BuyerName, string? BuyerTaxId);

public sealed record ReceiptDto(
    Guid Id, string FileName, string ContentType, long Size, string ContentHash, DateTimeOffset UploadedAt, string Status, int Attempts,
    string? Error, string? DocumentKind, InvoiceFieldsDto? Proposed, string? ProposedCurrency, RecognitionDetailDto? Recognition,
    Guid? ClaimId);

/// <summary>
/// Per-field source and confidence, warnings, and the text lines with their boxes (for outlining on the image); for a
/// ticket its identity (duplicate key), travel date and trip; for a file of several documents (a 粘贴单) each document
/// with its box, kind and proposed fields (the receipt's own proposal is the first document's).
/// </summary>
public sealed record RecognitionDetailDto(
    IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<string, double> Confidence, IReadOnlyList<string> Warnings,
    IReadOnlyList<TextLineDto> TextLines, long ElapsedMs,
    string? Identity = null, DateOnly? TravelDate = null, TravelDto? Travel = null, IReadOnlyList<RecognizedDocumentDto>? Documents = null,
    double? IdentityConfidence = null);

/// <summary>The trip a ticket is for (times local, as printed: "2019-03-10T14:50"); absent parts were not read.</summary>
public sealed record TravelDto(
    string? PassengerName, string? From, string? To, string? TrainNumber, string? FlightNumber, string? SeatClass, string? Seat,
    string? DepartureTime, string? ArrivalTime, decimal? DistanceKm, string? PlateNumber, DateOnly? CheckIn, DateOnly? CheckOut,
    int? Nights, decimal? NightlyRate, string? Room);

/// <summary>One document of several in one file: its kind, identity, box on the image (x, y, width, height) and fields.</summary>
public sealed record RecognizedDocumentDto(
    string Kind, string? Identity, IReadOnlyList<float> Box, InvoiceFieldsDto Proposed, string? Currency, DateOnly? TravelDate, TravelDto? Travel,
    double? IdentityConfidence = null);

public sealed record TextLineDto(string Text, double Confidence, float X, float Y, float Width, float Height);

public sealed record ClaimLineDto(
    Guid Id, int Position, string Category, decimal Amount, string Currency, decimal ExchangeRate, decimal AmountInBase,
    DateOnly ExpenseDate, string? CostCentreCode, string? Description, IReadOnlyList<Guid> ReceiptIds, InvoiceFieldsDto Invoice,
    int? DocumentIndex = null, LineTicketDto? Ticket = null);

/// <summary>The ticket a line stands on, as recognition read it (its document on a sheet): what the trip summary shows.</summary>
public sealed record LineTicketDto(string Kind, DateOnly? TravelDate, TravelDto Travel);

public sealed record PolicyFindingDto(string Rule, string Severity, int? Line, string Message, string? Justification);

public sealed record ClaimEventDto(string Type, string? FromStatus, string ToStatus, Guid ActorId, string? ActorName, Guid? OnBehalfOfId, DateTimeOffset At, string? Reason);

public sealed record ClaimDto(
    Guid Id, string Number, Guid EmployeeId, Guid LegalEntityId, string Title, string Status, string BaseCurrency, decimal TotalInBase,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, IReadOnlyList<ClaimLineDto> Lines,
    IReadOnlyList<PolicyFindingDto> Findings, IReadOnlyList<ClaimEventDto> Timeline,
    DateOnly? TripStart = null, DateOnly? TripEnd = null, IReadOnlyList<string>? Travellers = null);

public sealed record ClaimListItemDto(
    Guid Id, string Number, string Title, string Status, decimal TotalInBase, string BaseCurrency, int LineCount,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

public sealed record CategoryDto(string Code, string NameZh, string NameEn, bool IsActive, bool AllowsPersonalInvoice);
