using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace ExpenseFlow.Recognition.Imaging;

/// <summary>
/// QR codes from SkiaSharp pixels with ZXing.Net; tries the full image, then reduced copies (phone photos are large).
/// The luminance is computed once; the reduced copies are 2×2 box averages of it (no second pass over the colour pixels).
/// </summary>
public static class QrReader
{
    private static readonly Dictionary<DecodeHintType, object> Hints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
        [DecodeHintType.CHARACTER_SET] = "UTF-8",
    };

    public static IReadOnlyList<string> DecodeAll(SKBitmap bitmap) => DecodeAll(bitmap, CancellationToken.None);

    /// <summary>As <see cref="DecodeAll(SKBitmap)"/>, stopping between attempts when the token is cancelled.</summary>
    public static IReadOnlyList<string> DecodeAll(SKBitmap bitmap, CancellationToken cancellationToken)
    {
        // QR images embedded in PDFs are often one pixel per module: enlarge them without smoothing first.
        if (Math.Max(bitmap.Width, bitmap.Height) < 400)
        {
            var f = (int)Math.Ceiling(400.0 / Math.Max(1, Math.Max(bitmap.Width, bitmap.Height)));
            using var big = bitmap.Resize(new SKImageInfo(bitmap.Width * f, bitmap.Height * f, SKColorType.Rgba8888, SKAlphaType.Premul),
                new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None));
            return big is not null && TryDecode(ImageLoader.Gray(big), big.Width, big.Height) is { } small ? [small] : [];
        }
        var gray = ImageLoader.Gray(bitmap);
        int w = bitmap.Width, h = bitmap.Height;
        // Full size, then half and quarter (as long as the longest side stays at 300 px or more).
        for (var step = 0; step < 3; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step > 0)
            {
                if (Math.Max(w, h) / 2 < 300) break;
                (gray, w, h) = Halve(gray, w, h);
            }
            if (TryDecode(gray, w, h) is { } text) return [text];
        }
        return [];
    }

    /// <summary>Half the size, each pixel the mean of a 2×2 block.</summary>
    internal static (byte[] Gray, int Width, int Height) Halve(byte[] gray, int w, int h)
    {
        int hw = w / 2, hh = h / 2;
        var half = new byte[hw * hh];
        for (var y = 0; y < hh; y++)
        {
            var top = gray.AsSpan(2 * y * w, w);
            var bottom = gray.AsSpan((2 * y + 1) * w, w);
            var row = half.AsSpan(y * hw, hw);
            for (var x = 0; x < hw; x++)
                row[x] = (byte)((top[2 * x] + top[2 * x + 1] + bottom[2 * x] + bottom[2 * x + 1] + 2) >> 2);
        }
        return (half, hw, hh);
    }

    private static string? TryDecode(byte[] gray, int width, int height)
    {
        var source = new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        foreach (var binarizer in new Binarizer[] { new HybridBinarizer(source), new GlobalHistogramBinarizer(source) })
        {
            try
            {
                var result = new QRCodeReader().decode(new BinaryBitmap(binarizer), Hints);
                if (result?.Text is { Length: > 0 } t) return t;
            }
            catch (ReaderException)
            {
                // not found with this binarizer; try the next
            }
        }
        return null;
    }
}
