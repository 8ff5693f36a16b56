using System.IO.Compression;
using System.Text;
using ExpenseFlow.Recognition.Tests.Support;
using UglyToad.PdfPig.Writer;

namespace ExpenseFlow.Recognition.Tests.Input;

public class HostileInputTests
{
    private static readonly RecognitionEngine Engine = TestData.ExactOnly();

    [Fact]
    public void Recognize_RandomBytes_IsUnsupported()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x13;
        Engine.Recognize(bytes, "x.jpg").Error.ShouldBe(ErrorCodes.Unsupported);
    }

    [Fact]
    public void Recognize_EmptyFile_IsEmpty() => Engine.Recognize([], "a.pdf").Error.ShouldBe(ErrorCodes.Empty);

    [Fact]
    public void Recognize_PlainZipWithoutOfdXml_IsUnsupported()
    {
        var zip = Zip(("readme.txt", Encoding.UTF8.GetBytes("hello")));
        Engine.Recognize(zip, "a.ofd").Error.ShouldBe(ErrorCodes.Unsupported);
    }

    [Fact]
    public void Recognize_OfdZipBomb_IsRefused()
    {
        var zeros = new byte[64 * 1024 * 1024];
        var zip = Zip(("OFD.xml", Encoding.UTF8.GetBytes("<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>")),
            ("Doc_0/Document.xml", zeros));
        var result = Engine.Recognize(zip, "bomb.ofd");
        result.Error.ShouldBe(ErrorCodes.ZipBomb);
    }

    [SharedDataFact("ofd")]
    public void Recognize_TruncatedOfd_IsCorrupt()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.Ofd, "1.ofd"));
        var result = Engine.Recognize(bytes[..(bytes.Length / 2)], "1.ofd");
        result.Error.ShouldBe(ErrorCodes.Corrupt);
    }

    [Fact]
    public void Recognize_HugeImage_IsRefusedBeforeDecoding()
    {
        var png = PngHeaderOnly(20000, 20000);
        var result = Engine.Recognize(png, "huge.png");
        result.Error.ShouldBe(ErrorCodes.TooLarge);
    }

    [Theory]
    [InlineData("invoice.xml")]
    [InlineData("invoice.ofd")]
    public void Recognize_XmlNestedAHundredThousandLevelsDeep_IsTooLarge_AtOnce(string fileName)
    {
        // Issue 23: an XDocument costs the square of its depth to build and cannot be interrupted; 100,000 levels (700 KB)
        // kept a core busy for about 40 s, past the document's timeout.
        var nested = new StringBuilder("<EInvoice><Header><InvoiceNumber>");
        for (var i = 0; i < 100_000; i++) nested.Append("<a>");
        for (var i = 0; i < 100_000; i++) nested.Append("</a>");
        var xml = Encoding.UTF8.GetBytes(nested.Append("</InvoiceNumber></Header></EInvoice>").ToString());
        var bytes = fileName.EndsWith(".ofd", StringComparison.Ordinal)
            ? Zip(("OFD.xml", Encoding.UTF8.GetBytes("<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>")), ("Doc_0/Document.xml", xml))
            : xml;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = Engine.Recognize(bytes, fileName);

        result.Error.ShouldBe(ErrorCodes.TooLarge);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Recognize_XmlWithExternalEntity_IsRefused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE eInvoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <eInvoice><InvoiceNo>&xxe;</InvoiceNo></eInvoice>
            """;
        var result = Engine.Recognize(Encoding.UTF8.GetBytes(xml), "x.xml");
        result.Error.ShouldBe(ErrorCodes.XmlDtdProhibited);
        result.Fields.InvoiceNumber.ShouldBeNull();
    }

    [Fact]
    public void Recognize_PdfWithThousandsOfPages_IsRefused()
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < 2000; i++) builder.AddPage(100, 100);
        var result = Engine.Recognize(builder.Build(), "many.pdf");
        result.Error.ShouldBe(ErrorCodes.TooManyPages);
    }

    [Fact]
    public void Recognize_EncryptedPdf_IsReportedAsEncrypted()
    {
        var result = Engine.Recognize(EncryptedPdf(), "locked.pdf");
        result.Error.ShouldBe(ErrorCodes.Encrypted);
    }

    [Fact]
    public void Recognize_TruncatedPdf_GivesAnErrorCodeNotAnException()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(100, 100);
        var bytes = builder.Build();
        var result = Engine.Recognize(bytes[..40], "cut.pdf");
        result.Error.ShouldNotBeNull();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }

    /// <summary>A PNG whose header declares the size, with no pixel data: enough for a decoder to plan a huge allocation.</summary>
    private static byte[] PngHeaderOnly(int width, int height)
    {
        var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2;
        Chunk(ms, "IHDR", ihdr);
        Chunk(ms, "IDAT", [0x78, 0x9C, 0x03, 0x00]);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32([.. typeBytes, .. data]);
        var crcBytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        s.Write(crcBytes);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A PDF whose trailer names a standard security handler with a user password we do not have.</summary>
    private static byte[] EncryptedPdf()
    {
        var sb = new StringBuilder();
        var offsets = new List<int>();
        void Obj(string body) { offsets.Add(Encoding.ASCII.GetByteCount(sb.ToString())); sb.Append(body); }
        sb.Append("%PDF-1.6\n");
        Obj("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        Obj("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        Obj("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >> endobj\n");
        Obj("4 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 " +
            "/O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >> endobj\n");
        var xref = Encoding.ASCII.GetByteCount(sb.ToString());
        sb.Append("xref\n0 5\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append("trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n");
        sb.Append($"startxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
