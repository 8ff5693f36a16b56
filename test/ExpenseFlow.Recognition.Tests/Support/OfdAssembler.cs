using System.IO.Compression;
using System.Text;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>
/// An OFD assembled by a test: one page of TextObjects (ID, text, boundary "x y w h" in mm) and, optionally, an invoice
/// custom tag (the e-invoice XML, whose values may reference the page's TextObjects).
/// </summary>
public static class OfdAssembler
{
    public static byte[] Build(IEnumerable<(int Id, string Text, string Boundary)> texts, string? invoiceTag, bool absoluteDocRoot = true)
    {
        var content = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">""");
        foreach (var (id, text, boundary) in texts)
            content.Append($"""<ofd:TextObject ID="{id}" Boundary="{boundary}" Font="1" Size="3.175"><ofd:TextCode X="0" Y="3">{text}</ofd:TextCode></ofd:TextObject>""");
        content.Append("</ofd:Layer></ofd:Content></ofd:Page>");
        var withTags = invoiceTag is not null;
        var files = new Dictionary<string, string>
        {
            ["OFD.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>{(absoluteDocRoot ? "/" : "")}Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>""",
            ["Doc_0/Document.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>40</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>{(withTags ? "<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>" : "")}</ofd:Document>""",
            ["Doc_0/Pages/Page_0/Content.xml"] = content.ToString(),
        };
        if (withTags)
        {
            files["Doc_0/Tags/CustomTags.xml"] = """<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CustomTag TypeID="invoice"><ofd:FileLoc>Invoice_Tag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>""";
            files["Doc_0/Tags/Invoice_Tag.xml"] = invoiceTag!;
        }
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in files)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        return ms.ToArray();
    }
}
