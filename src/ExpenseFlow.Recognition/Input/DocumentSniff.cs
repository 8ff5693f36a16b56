namespace ExpenseFlow.Recognition.Input;

/// <summary>What callers outside the engine may ask about a file before recognition has run.</summary>
public static class DocumentSniff
{
    /// <summary>How many leading bytes <see cref="IsReadable"/> needs at most (a PDF header may sit within the first KiB).</summary>
    public const int HeadLength = 1024;

    /// <summary>
    /// Whether the engine can read these bytes at all (an image, a PDF, an OFD or an XML document), decided from the
    /// first bytes as the engine itself decides; the file name and the client's content type are never trusted.
    /// </summary>
    public static bool IsReadable(ReadOnlySpan<byte> head) => ContentSniffer.Detect(head) != InputKind.Unknown;
}
