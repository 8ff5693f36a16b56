using System.Text;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// multipart/form-data written byte by byte: HttpClient's MultipartFormDataContent refuses (or quietly fixes) the broken
/// bodies the walk must send — a NUL in a file name, a boundary the header does not announce, a body cut short.
/// </summary>
public static class Multipart
{
    public const string Boundary = "walk-boundary-7f3a";

    /// <summary>The field name uploads use: every upload endpoint of the host reads its file from "file" (or any part).</summary>
    public const string FileField = "file";

    public static (byte[] Body, string ContentType) Build(IReadOnlyDictionary<string, string> fields, WalkFile? file, string? fileName = null)
    {
        using var body = new MemoryStream();
        foreach (var (name, value) in fields)
        {
            Write(body, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n");
            Write(body, value.Replace(RequestShape.LoneSurrogate, "\uFFFD", StringComparison.Ordinal));
            Write(body, "\r\n");
        }

        if (file is not null)
        {
            Write(body, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{FileField}\"; filename=\"{fileName ?? file.Name}\"\r\nContent-Type: {file.MediaType}\r\n\r\n");
            body.Write(file.Content);
            Write(body, "\r\n");
        }

        Write(body, $"--{Boundary}--\r\n");
        return (body.ToArray(), $"multipart/form-data; boundary={Boundary}");
    }

    /// <summary>The broken bodies every upload operation gets, built from its baseline's fields and file.</summary>
    public static IEnumerable<(string Label, byte[] Body, string ContentType)> Broken(IReadOnlyDictionary<string, string> fields, Func<WalkFile> fresh)
    {
        var file = fresh();
        var (whole, contentType) = Build(fields, file);
        yield return ("multipart: body truncated in the middle", whole[..(whole.Length / 2)], contentType);
        yield return ("multipart: body truncated before the closing boundary", whole[..(whole.Length - Boundary.Length - 6)], contentType);
        yield return ("multipart: boundary in the header differs from the body's", whole, "multipart/form-data; boundary=another-boundary");
        yield return ("multipart: no boundary in the header", whole, "multipart/form-data");
        yield return ("multipart: NUL in the file name", Build(fields, fresh(), "walk\0evil.txt").Body, contentType);
        yield return ("multipart: control and right-to-left characters in the file name", Build(fields, fresh(), "walk\u0007\u202Etxt.exe").Body, contentType);
        yield return ("multipart: 10,000-character file name", Build(fields, fresh(), new string('n', 10_000) + ".txt").Body, contentType);
        yield return ("multipart: missing file part", Build(fields, null).Body, contentType);
        yield return ("multipart: empty file", Build(fields, file with { Content = [] }).Body, contentType);
        yield return ("multipart: no parts at all", Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"), contentType);
        yield return ("multipart: empty body", [], contentType);
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
