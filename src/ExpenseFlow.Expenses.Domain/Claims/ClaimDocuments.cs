using ExpenseFlow.Expenses.Domain.Policies;

namespace ExpenseFlow.Expenses.Domain.Claims;

/// <summary>
/// What one receipt tells about identity: its file (SHA-256) and, when recognition read the invoice number from an
/// exact source (QR, XML, OFD, PDF text), that number and the code. <see cref="Pending"/>: a document whose reading has
/// not finished, so its identity is not known yet.
/// </summary>
public sealed record ReceiptEvidence(
    Guid ReceiptId, string ContentHash, string FileName, bool Pending, string? Code, bool CodeExact, string? Number, string? NumberSource,
    IReadOnlyList<DocumentRead>? Reads = null)
{
    public bool HasExactNumber => Number is not null && NumberSource is not null;
}

/// <summary>
/// The identity recognition read for one document of a file (index 0 for a file of one document): its key, how it is
/// shown, the ticket kind when it is a ticket's serial rather than an invoice's number, and whether the reading is
/// sure enough to claim (an exact source, or OCR at a confidence that rules out a misread).
/// </summary>
public sealed record DocumentRead(int Index, string Key, string Display, string? TicketKind, bool Sure);

/// <summary>An identity a claim takes for good at submit, and the line it is reported on (a ticket's serial names its kind).</summary>
public sealed record ClaimedIdentity(string Key, Guid LineId, int Position, string Display, string? TicketKind = null);

/// <summary>An identity read too unsurely to claim: compared with what other claims hold, a match is a warning.</summary>
public sealed record UnsureIdentity(string Key, Guid LineId, int Position, string Display, string? TicketKind);

/// <summary>A receipt file a claim takes for good at submit (the same bytes may back several lines of one claim).</summary>
public sealed record ClaimedFile(string ContentHash, Guid ReceiptId, Guid LineId, int Position, string FileName);

/// <summary>
/// The invoice identities and files a claim claims, worked out from its lines and what recognition read.
/// A receipt on one line only binds that line: a number read from an exact source is the line's identity (blank
/// typed fields take it; typed ones must agree). A file on several lines (a 粘贴单 with several tickets) binds none
/// of them, but any identity read from it is still claimed. Every exact identity of every receipt is claimed, so a
/// second invoice attached to a line cannot slip past the check.
/// </summary>
public sealed class ClaimDocuments
{
    private readonly List<ClaimedIdentity> _identities = [];
    private readonly List<ClaimedFile> _files = [];
    private readonly List<PolicyFinding> _problems = [];
    private readonly Dictionary<int, string> _needsCode = [];
    private readonly Dictionary<Guid, (string? Code, string? Number)> _adopted = [];
    private readonly List<UnsureIdentity> _unsure = [];

    /// <summary>The receipt a claimed key was read from, when it was read from one (a typed key has none).</summary>
    private readonly Dictionary<string, Guid> _origins = new(StringComparer.Ordinal);

    private ClaimDocuments()
    {
    }

    public IReadOnlyList<ClaimedIdentity> Identities => _identities;

    /// <summary>Identities read too unsurely to claim; another claim holding one is a warning, not a refusal.</summary>
    public IReadOnlyList<UnsureIdentity> Unsure => _unsure;

    public IReadOnlyList<ClaimedFile> Files => _files;

    /// <summary>Lines (by position) whose traditional number came without a code, with the number (8 digits).</summary>
    public IReadOnlyDictionary<int, string> NeedsCode => _needsCode;

    /// <summary>Line id → the code and number read from its document, recorded on the line at submit.</summary>
    public IReadOnlyDictionary<Guid, (string? Code, string? Number)> Adopted => _adopted;

    public static ClaimDocuments Resolve(Claim claim, IReadOnlyDictionary<Guid, ReceiptEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(evidence);
        var docs = new ClaimDocuments();
        var lines = claim.Lines.OrderBy(l => l.Position).ToList();
        var uses = lines.SelectMany(l => l.ReceiptIds.Distinct()).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var usedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var own = line.ReceiptIds.Distinct().Where(r => uses[r] == 1).Select(evidence.GetValueOrDefault).OfType<ReceiptEvidence>().Where(e => e.HasExactNumber).ToList();
            var (code, number) = docs.Bind(line, own);
            var reading = InvoiceIdentity.Read(code, number);
            foreach (var e in own)
            {
                if (Document(e, code).Key is { } read)
                {
                    docs._origins.TryAdd(read, e.ReceiptId);
                }
            }

            var keys = own.Select(e => Document(e, code).Key).Append(reading.Key).OfType<string>().Distinct().ToList();
            foreach (var key in keys)
            {
                if (usedBy.TryGetValue(key, out var first) && first != line.Position)
                {
                    docs.Problem(line.Position, "DuplicateInvoice", $"invoice {InvoiceIdentity.Describe(code, number)} is also on line {first + 1} of this claim.",
                        $"发票{InvoiceIdentity.Describe(code, number)}与本报销单第{first + 1}行重复。");
                    continue;
                }

                usedBy[key] = line.Position;
                docs._identities.Add(new ClaimedIdentity(key, line.Id, line.Position, InvoiceIdentity.Describe(code, number)));
            }

            if (reading.Problem == IdentityProblem.NeedsCode && reading.Number is { } bare)
            {
                docs._needsCode[line.Position] = bare;
            }
            else if (reading.Problem == IdentityProblem.Unreadable)
            {
                docs.Problem(line.Position, "InvoiceIdentityInvalid", $"the invoice code or number '{InvoiceIdentity.Describe(code, number)}' contains characters that are not digits or Latin letters.",
                    $"发票代码或号码“{InvoiceIdentity.Describe(code, number)}”含有数字和拉丁字母以外的字符。");
            }
        }

        docs.AddFilesAndSharedDocuments(lines, evidence, uses, usedBy);
        docs.AddReadDocuments(lines, evidence, usedBy);
        return docs;
    }

    /// <summary>
    /// Findings that block the submit: the identity or file already claimed by another live claim, the code missing,
    /// a typed identity contradicting the document, a document still being read. An identity read too unsurely to
    /// claim that another claim holds is a warning (<c>PossibleDuplicate</c>) the employee explains and the approver sees.
    /// </summary>
    public IReadOnlyList<PolicyFinding> Findings(
        IReadOnlySet<string> takenKeys, IReadOnlySet<string> takenFiles, IReadOnlySet<string> takenBareNumbers, IReadOnlySet<string>? notedKeys = null)
    {
        notedKeys ??= new HashSet<string>();
        ArgumentNullException.ThrowIfNull(takenKeys);
        ArgumentNullException.ThrowIfNull(takenFiles);
        ArgumentNullException.ThrowIfNull(takenBareNumbers);
        var findings = new List<PolicyFinding>();
        foreach (var taken in _identities.Where(i => takenKeys.Contains(i.Key)))
        {
            findings.Add(taken.TicketKind is { } kind
                ? Finding(taken.Position, "DuplicateInvoice", $"the {TicketNames.English(kind)} {taken.Display} has already been claimed.", $"{TicketNames.Chinese(kind)}{taken.Display}已被报销。")
                : Finding(taken.Position, "DuplicateInvoice", $"invoice {taken.Display} has already been claimed.", $"发票{taken.Display}已被报销。"));
        }

        // Where one side of the match was read unsurely, the match may be a misread: a warning the approver sees.
        var possible = _unsure.Where(u => takenKeys.Contains(u.Key) || notedKeys.Contains(u.Key)).Select(u => (u.Position, u.Display, u.TicketKind))
            .Concat(_identities.Where(i => !takenKeys.Contains(i.Key) && notedKeys.Contains(i.Key)).Select(i => (i.Position, i.Display, i.TicketKind)));
        foreach (var (position, display, ticketKind) in possible)
        {
            var (en, zh) = ticketKind is { } kind ? (TicketNames.English(kind), TicketNames.Chinese(kind)) : ("invoice", "发票");
            findings.Add(new PolicyFinding("PossibleDuplicate", PolicySeverity.Warn, position,
                $"Line {position + 1}: the {en} {display} may have been claimed before (one of the two was read from a photo without certainty); the approver will check it.",
                $"第{position + 1}行：{zh}{display}可能已被报销过（其中一张照片的号码识别不完全确定），审批人将核对。"));
        }

        foreach (var taken in _files.Where(f => takenFiles.Contains(f.ContentHash)))
        {
            findings.Add(Finding(taken.Position, "DuplicateReceipt", $"the receipt file '{taken.FileName}' has already been claimed in another claim.",
                $"票据文件“{taken.FileName}”已在其他报销单中报销。"));
        }

        foreach (var (position, number) in _needsCode.OrderBy(n => n.Key))
        {
            findings.Add(takenBareNumbers.Contains(number)
                ? Finding(position, "DuplicateInvoice", $"an invoice numbered {number} has already been claimed; a traditional invoice is named by its code and number.",
                    $"号码为{number}的发票已被报销；普通纸质/电子发票以发票代码加号码识别。")
                : Finding(position, "InvoiceIdentityInvalid", $"invoice number {number} needs its 10- or 12-digit invoice code (only a 20-digit 数电票 number stands alone).",
                    $"发票号码{number}须同时填写10位或12位发票代码（只有20位的数电票号码可单独使用）。"));
        }

        return [.. findings, .. _problems];
    }

    /// <summary>The line's code and number after taking what its own documents say; a contradiction is a problem.</summary>
    private (string? Code, string? Number) Bind(ClaimLine line, List<ReceiptEvidence> own)
    {
        var typedCode = line.Invoice.InvoiceCode;
        var typedNumber = line.Invoice.InvoiceNumber;
        if (own.Count == 0)
        {
            return (typedCode, typedNumber);
        }

        // A blank field takes the document's value (that is not a change); a filled one must name the same invoice.
        var numberTyped = !string.IsNullOrWhiteSpace(typedNumber);
        var codeTyped = !string.IsNullOrWhiteSpace(typedCode);
        var match = own.FirstOrDefault(e => Agrees(
            InvoiceIdentity.Read(codeTyped ? typedCode : DocumentCode(e, null), numberTyped ? typedNumber : e.Number), Document(e, typedCode)));
        if (match is null)
        {
            var doc = own[0];
            Problem(line.Position, "InvoiceIdentityMismatch",
                $"the invoice typed ({InvoiceIdentity.Describe(typedCode, typedNumber)}) is not the one read from '{doc.FileName}' by its {SourceEn(doc.NumberSource)} ({InvoiceIdentity.Describe(doc.Code, doc.Number)}); correct it or attach the right document.",
                $"填写的发票（{InvoiceIdentity.Describe(typedCode, typedNumber)}）与从“{doc.FileName}”的{SourceZh(doc.NumberSource)}读出的发票（{InvoiceIdentity.Describe(doc.Code, doc.Number)}）不一致，请更正或附上正确的票据。");
            return (typedCode, typedNumber);
        }

        var adopted = (DocumentCode(match, typedCode), match.Number);
        _adopted[line.Id] = adopted;
        return adopted;
    }

    private void AddFilesAndSharedDocuments(List<ClaimLine> lines, IReadOnlyDictionary<Guid, ReceiptEvidence> evidence, Dictionary<Guid, int> uses, Dictionary<string, int> usedBy)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var e in line.ReceiptIds.Distinct().Select(evidence.GetValueOrDefault).OfType<ReceiptEvidence>())
            {
                if (!seen.Add(e.ContentHash))
                {
                    continue;
                }

                _files.Add(new ClaimedFile(e.ContentHash, e.ReceiptId, line.Id, line.Position, e.FileName));
                if (e.Pending)
                {
                    Problem(line.Position, "RecognitionPending", $"the receipt '{e.FileName}' is still being read; submit again in a moment.",
                        $"票据“{e.FileName}”仍在识别中，请稍后再提交。");
                }

                if (uses[e.ReceiptId] > 1 && e.HasExactNumber && Document(e, null).Key is { } key && usedBy.TryAdd(key, line.Position))
                {
                    _origins.TryAdd(key, e.ReceiptId);
                    _identities.Add(new ClaimedIdentity(key, line.Id, line.Position, InvoiceIdentity.Describe(e.Code, e.Number)));
                }
            }
        }
    }

    /// <summary>
    /// The identities recognition read from the documents each line stands on — the one its document index names, or
    /// every document of a file it attaches without an index — whatever was typed on the line, so clearing a field
    /// cannot hide a ticket. A sure reading is claimed; the same one on two lines from two files is one ticket twice.
    /// A document already counted for another line of the same file is left to the index checks.
    /// </summary>
    private void AddReadDocuments(List<ClaimLine> lines, IReadOnlyDictionary<Guid, ReceiptEvidence> evidence, Dictionary<string, int> usedBy)
    {
        var counted = new HashSet<(Guid, int)>();
        foreach (var line in lines)
        {
            foreach (var e in line.ReceiptIds.Distinct().Select(evidence.GetValueOrDefault).OfType<ReceiptEvidence>())
            {
                foreach (var read in (e.Reads ?? []).Where(r => line.DocumentIndex is not { } index || r.Index == index))
                {
                    if (!counted.Add((e.ReceiptId, read.Index)))
                    {
                        continue;
                    }

                    if (usedBy.TryGetValue(read.Key, out var first))
                    {
                        if (first != line.Position && (!_origins.TryGetValue(read.Key, out var from) || from != e.ReceiptId))
                        {
                            var (en, zh) = read.TicketKind is { } kind ? (TicketNames.English(kind), TicketNames.Chinese(kind)) : ("invoice", "发票");
                            var finding = Finding(line.Position, "DuplicateInvoice", $"the {en} {read.Display} is also on line {first + 1} of this claim.", $"{zh}{read.Display}与本报销单第{first + 1}行重复。");
                            // Read unsurely, the match may be a misread: the approver looks, the employee explains.
                            _problems.Add(read.Sure ? finding : finding with { Rule = "PossibleDuplicate", Severity = PolicySeverity.Warn });
                        }

                        continue;
                    }

                    if (read.Sure)
                    {
                        usedBy[read.Key] = line.Position;
                        _origins[read.Key] = e.ReceiptId;
                        _identities.Add(new ClaimedIdentity(read.Key, line.Id, line.Position, read.Display, read.TicketKind));
                    }
                    else if (_unsure.All(u => u.Key != read.Key))
                    {
                        _unsure.Add(new UnsureIdentity(read.Key, line.Id, line.Position, read.Display, read.TicketKind));
                    }
                }
            }
        }
    }

    /// <summary>The document's identity; a code recognition did not read exactly may come from what was typed.</summary>
    private static IdentityReading Document(ReceiptEvidence e, string? typedCode) => InvoiceIdentity.Read(DocumentCode(e, typedCode), e.Number);

    private static string? DocumentCode(ReceiptEvidence e, string? typedCode) =>
        e.CodeExact && e.Code is not null ? e.Code : string.IsNullOrWhiteSpace(typedCode) ? e.Code : typedCode;

    private static bool Agrees(IdentityReading typed, IdentityReading document) =>
        document.Key is not null ? typed.Key == document.Key : typed.Number is not null && typed.Number == document.Number;

    private void Problem(int position, string rule, string en, string zh) => _problems.Add(Finding(position, rule, en, zh));

    private static PolicyFinding Finding(int position, string rule, string en, string zh) =>
        new(rule, PolicySeverity.Block, position, $"Line {position + 1}: {en}", $"第{position + 1}行：{zh}");

    private static string SourceEn(string? source) => source switch
    {
        "qr" => "QR code",
        "xml" => "XML data",
        "ofd" => "OFD data",
        _ => "PDF text",
    };

    private static string SourceZh(string? source) => source switch
    {
        "qr" => "二维码",
        "xml" => "XML数据",
        "ofd" => "OFD数据",
        _ => "PDF文字层",
    };
}
