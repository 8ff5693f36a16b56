using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace ExpenseFlow.Recognition.Imaging;

/// <summary>QR codes from SkiaSharp pixels with ZXing.Net; tries the full image, then reduced copies (phone photos are large).</summary>
public static class QrReader
{
    private static readonly Dictionary<DecodeHintType, object> Hints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
        [DecodeHintType.CHARACTER_SET] = "UTF-8",
    };

    public static IReadOnlyList<string> DecodeAll(SKBitmap bitmap)
    {
        // QR images embedded in PDFs are often one pixel per module: enlarge them without smoothing first.
        if (Math.Max(bitmap.Width, bitmap.Height) < 400)
        {
            var f = (int)Math.Ceiling(400.0 / Math.Max(1, Math.Max(bitmap.Width, bitmap.Height)));
            using var big = bitmap.Resize(new SKImageInfo(bitmap.Width * f, bitmap.Height * f, SKColorType.Rgba8888, SKAlphaType.Premul),
                new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None));
            return big is not null && TryDecode(big) is { } small ? [small] : [];
        }
        foreach (var scale in new[] { 1.0, 0.5, 0.25 })
        {
            if (scale < 1 && Math.Max(bitmap.Width, bitmap.Height) * scale < 300) break;
            var text = scale == 1 ? TryDecode(bitmap) : TryDecodeScaled(bitmap, scale);
            if (text is not null) return [text];
        }
        return [];
    }

    private static string? TryDecodeScaled(SKBitmap bitmap, double scale)
    {
        var info = new SKImageInfo((int)(bitmap.Width * scale), (int)(bitmap.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var small = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return small is null ? null : TryDecode(small);
    }

    private static string? TryDecode(SKBitmap bitmap)
    {
        var gray = ImageLoader.Gray(bitmap);
        var source = new RGBLuminanceSource(gray, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
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
