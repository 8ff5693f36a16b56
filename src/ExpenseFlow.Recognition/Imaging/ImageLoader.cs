using SkiaSharp;

namespace ExpenseFlow.Recognition.Imaging;

/// <summary>Decodes images after checking their declared size, so a 20000×20000 image is refused before any pixel is allocated.</summary>
internal static class ImageLoader
{
    public static SKBitmap Decode(byte[] bytes, RecognitionOptions options)
    {
        ImageHeader.EnsureWithinLimit(bytes, options, "image");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new RecognitionException(ErrorCodes.Corrupt, "undecodable image");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) throw new RecognitionException(ErrorCodes.Corrupt, "image without pixels");
        if ((long)info.Width * info.Height > options.MaxImagePixels)
            throw new RecognitionException(ErrorCodes.TooLarge, $"image {info.Width}x{info.Height} exceeds {options.MaxImagePixels} pixels");
        // Scans at 600 dpi carry far more pixels than OCR needs: decode JPEGs scaled (DCT scaling is nearly free).
        var size = new SKSizeI(info.Width, info.Height);
        var longest = Math.Max(info.Width, info.Height);
        if (longest > options.WorkingMaxSide)
        {
            var scaled = codec.GetScaledDimensions((float)options.WorkingMaxSide / longest);
            if (scaled.Width > 0 && scaled.Height > 0) size = scaled;
        }
        var target = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var r = codec.GetPixels(target, bitmap.GetPixels());
        if (r is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new RecognitionException(ErrorCodes.Corrupt, $"image decode failed: {r}");
        }
        if (Math.Max(bitmap.Width, bitmap.Height) > options.WorkingMaxSide * 1.25)
        {
            var f = (float)options.WorkingMaxSide / Math.Max(bitmap.Width, bitmap.Height);
            var small = bitmap.Resize(new SKImageInfo((int)(bitmap.Width * f), (int)(bitmap.Height * f), SKColorType.Rgba8888, SKAlphaType.Premul),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            if (small is not null) { bitmap.Dispose(); bitmap = small; }
        }
        return Orient(bitmap, codec.EncodedOrigin);
    }

    /// <summary>Applies the EXIF orientation phones write instead of rotating pixels.</summary>
    private static SKBitmap Orient(SKBitmap src, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0) return src;
        var rotated = Rotate(src, degrees);
        src.Dispose();
        return rotated;
    }

    public static SKBitmap Rotate(SKBitmap src, int degrees)
    {
        var swap = degrees is 90 or 270;
        var dst = new SKBitmap(new SKImageInfo(swap ? src.Height : src.Width, swap ? src.Width : src.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(dst);
        canvas.Clear(SKColors.White);
        canvas.Translate(dst.Width / 2f, dst.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-src.Width / 2f, -src.Height / 2f);
        // Drawn from the pixels in place: DrawBitmap would first copy the whole (mutable) bitmap into an image.
        using var pixmap = src.PeekPixels();
        using var image = SKImage.FromPixels(pixmap);
        canvas.DrawImage(image, 0, 0);
        return dst;
    }

    /// <summary>Luminance bytes (one per pixel) of a bitmap, read in place when it is already RGBA.</summary>
    public static byte[] Gray(SKBitmap bmp)
    {
        if (bmp.ColorType == SKColorType.Rgba8888) return Gray(bmp.GetPixelSpan(), bmp.Width, bmp.Height, bmp.RowBytes);
        using var rgba = bmp.Copy(SKColorType.Rgba8888) ?? throw new RecognitionException(ErrorCodes.Corrupt, "bitmap copy failed");
        return Gray(rgba.GetPixelSpan(), rgba.Width, rgba.Height, rgba.RowBytes);
    }

    private static byte[] Gray(ReadOnlySpan<byte> px, int width, int height, int rowBytes)
    {
        var gray = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = px.Slice(y * rowBytes, width * 4);
            var dst = gray.AsSpan(y * width, width);
            for (int x = 0, p = 0; x < dst.Length; x++, p += 4)
                dst[x] = (byte)((row[p] * 299 + row[p + 1] * 587 + row[p + 2] * 114) / 1000);
        }
        return gray;
    }
}
