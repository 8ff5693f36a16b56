using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain.Receipts;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using ExpenseFlow.Recognition.Input;

namespace ExpenseFlow.Expenses.Application.Receipts;

/// <summary>
/// A receipt's bytes as what they are: the media type comes from the content, not from the uploader's Content-Type, so
/// an HTML or SVG "receipt" is never rendered by a browser in the portal's origin; only images are shown inline.
/// </summary>
internal static class ReceiptContent
{
    public static async Task<ReceiptFile?> OpenAsync(IReceiptStorage storage, Receipt receipt, CancellationToken ct)
    {
        var stream = await storage.OpenAsync(receipt.ContentHash, ct);
        if (stream is null)
        {
            return null;
        }

        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            await using (stream)
            {
                await stream.CopyToAsync(copy, ct);
            }

            stream = copy;
        }

        var head = new byte[MediaTypes.HeadLength];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        stream.Position = 0;
        var (mediaType, inline) = MediaTypes.Detect(head.AsSpan(0, read));
        return new ReceiptFile(stream, mediaType, receipt.FileName, inline);
    }

}
