namespace ExpenseFlow.Recognition.Input;

/// <summary>What a stored file is, from its first bytes, for serving it back: the type a client claimed is never trusted.</summary>
public static class MediaTypes
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 1024;

    /// <summary>The type of bytes the engine cannot read at all.</summary>
    public const string Unknown = "application/octet-stream";

    /// <summary>The media type of a file whose first bytes are <paramref name="head"/>, and whether a browser may show it inline.</summary>
    public static (string MediaType, bool Inline) Detect(ReadOnlySpan<byte> head) => ContentSniffer.Detect(head) switch
    {
        InputKind.Jpeg => ("image/jpeg", true),
        InputKind.Png => ("image/png", true),
        InputKind.WebP => ("image/webp", true),
        InputKind.Bmp => ("image/bmp", true),
        InputKind.Pdf => ("application/pdf", false),
        InputKind.Ofd => ("application/ofd", false),
        InputKind.Xml => ("application/xml", false),
        _ => (Unknown, false),
    };
}
