using System.Globalization;
using System.Xml.Linq;
using ExpenseFlow.Recognition.Input;
using ExpenseFlow.Recognition.Invoices;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Structured;

/// <summary>
/// OFD (GB/T 33190): the structured invoice from attachments, custom tags (values or ObjectRefs to page TextObjects) and
/// DocInfo CustomData, following the package's own references rather than fixed file names.
/// </summary>
internal sealed class OfdReader(SafeZip zip, RecognitionOptions options)
{
    private readonly Dictionary<string, string> _textById = new(StringComparer.Ordinal);

    public List<TextLine> Lines { get; } = [];

    public void Read(FieldCollector c)
    {
        var ofd = LoadXml("OFD.xml") ?? throw new RecognitionException(ErrorCodes.Corrupt, "OFD.xml unreadable");
        var docBody = ofd.Descendants().FirstOrDefault(e => e.Name.LocalName == "DocBody");
        var docRootPath = Value(docBody, "DocRoot") ?? throw new RecognitionException(ErrorCodes.Corrupt, "no DocRoot");
        var documentPath = Resolve("", docRootPath);
        var document = LoadXml(documentPath) ?? throw new RecognitionException(ErrorCodes.Corrupt, "Document.xml unreadable");
        var docDir = Dir(documentPath);

        foreach (var tpl in document.Descendants().Where(e => e.Name.LocalName == "TemplatePage"))
            LoadPage(Resolve(docDir, (string?)tpl.Attribute("BaseLoc")), isTemplate: true);
        foreach (var page in document.Descendants().Where(e => e.Name.LocalName == "Page" && e.Attribute("BaseLoc") is not null))
            LoadPage(Resolve(docDir, (string?)page.Attribute("BaseLoc")), isTemplate: false);

        if (Value(document.Root, "Attachments") is { } attachmentsPath) ReadAttachments(Resolve(docDir, attachmentsPath), c);
        if (Value(document.Root, "CustomTags") is { } tagsPath) ReadCustomTags(Resolve(docDir, tagsPath), c);
        ReadCustomData(docBody, c);

        if (!c.Has(FieldNames.InvoiceType))
            c.SetText(FieldNames.InvoiceType, Lines.Select(l => InvoiceTypes.FromTitle(l.Text)).FirstOrDefault(t => t is not null), FieldSource.Ofd, 0.95);
    }

    private void ReadAttachments(string path, FieldCollector c)
    {
        var attachments = LoadXml(path);
        if (attachments is null) return;
        var dir = Dir(path);
        foreach (var a in attachments.Descendants().Where(e => e.Name.LocalName == "Attachment"))
        {
            var loc = Value(a, "FileLoc");
            if (loc is null) continue;
            var format = (string?)a.Attribute("Format") ?? "";
            if (!format.Equals("xml", StringComparison.OrdinalIgnoreCase) && !loc.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) continue;
            var xml = LoadXml(Resolve(dir, loc));
            if (xml is not null && EInvoiceXml.IsInvoice(xml)) EInvoiceXml.Read(xml, c, FieldSource.Ofd);
        }
    }

    private void ReadCustomTags(string path, FieldCollector c)
    {
        var tags = LoadXml(path);
        if (tags is null) return;
        var dir = Dir(path);
        foreach (var t in tags.Descendants().Where(e => e.Name.LocalName == "CustomTag"))
        {
            var loc = Value(t, "FileLoc");
            var xml = loc is null ? null : LoadXml(Resolve(dir, loc));
            if (xml is not null && EInvoiceXml.IsInvoice(xml)) EInvoiceXml.Read(xml, c, FieldSource.Ofd, TagValue);
        }
    }

    /// <summary>A tag holds its value, an ObjectData, or ObjectRefs to TextObjects whose texts are joined.</summary>
    private string? TagValue(XElement e)
    {
        var refs = e.Elements().Where(x => x.Name.LocalName == "ObjectRef").ToList();
        if (refs.Count > 0)
        {
            var parts = refs.Select(r => _textById.GetValueOrDefault(r.Value.Trim())).Where(s => !string.IsNullOrEmpty(s)).ToList();
            return parts.Count == 0 ? null : string.Concat(parts);
        }
        var data = e.Elements().FirstOrDefault(x => x.Name.LocalName == "ObjectData");
        if (data is not null) return data.Value;
        return e.HasElements ? null : e.Value;
    }

    private static readonly Dictionary<string, string> CustomDataNames = new()
    {
        ["发票代码"] = FieldNames.InvoiceCode, ["发票号码"] = FieldNames.InvoiceNumber, ["校验码"] = FieldNames.CheckCode,
        ["购买方名称"] = FieldNames.BuyerName, ["购买方纳税人识别号"] = FieldNames.BuyerTaxId,
        ["销售方名称"] = FieldNames.SellerName, ["销售方纳税人识别号"] = FieldNames.SellerTaxId,
    };

    private static void ReadCustomData(XElement? docBody, FieldCollector c)
    {
        if (docBody is null) return;
        foreach (var d in docBody.Descendants().Where(e => e.Name.LocalName == "CustomData"))
        {
            var name = TextNormalizer.Compact((string?)d.Attribute("Name"));
            var value = d.Value;
            if (CustomDataNames.TryGetValue(name, out var field)) c.SetText(field, EInvoiceXml.Clean(field, value), FieldSource.Ofd, 1);
            else if (name == "开票日期") c.SetDate(Parsing.Date(value), FieldSource.Ofd, 1);
            else if (name == "价税合计") c.SetAmount(FieldNames.TotalAmount, Parsing.Amount(value), FieldSource.Ofd, 1);
            else if (name == "合计金额") c.SetAmount(FieldNames.AmountExcludingTax, Parsing.Amount(value), FieldSource.Ofd, 1);
            else if (name == "合计税额") c.SetAmount(FieldNames.TaxAmount, Parsing.Amount(value), FieldSource.Ofd, 1);
            else if (name == "模板编号" && InvoiceTypes.FromTitle(value) is { } type) c.SetText(FieldNames.InvoiceType, type, FieldSource.Ofd, 1);
        }
    }

    private void LoadPage(string path, bool isTemplate)
    {
        var page = LoadXml(path);
        if (page is null) return;
        foreach (var t in page.Descendants().Where(e => e.Name.LocalName == "TextObject"))
        {
            var text = string.Concat(t.Elements().Where(e => e.Name.LocalName == "TextCode").Select(e => e.Value));
            text = TextNormalizer.Normalize(text);
            if ((string?)t.Attribute("ID") is { } id) _textById.TryAdd(id, text);
            if (text.Trim().Length == 0) continue;
            var box = ((string?)t.Attribute("Boundary") ?? "0 0 0 0").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : 0).ToArray();
            if (box.Length < 4) box = [0, 0, 0, 0];
            Lines.Add(new TextLine(text.Trim(), 1, box[0], box[1], box[2], box[3]) { IsTemplate = isTemplate });
        }
    }

    private XDocument? LoadXml(string path)
    {
        var bytes = zip.Read(path);
        if (bytes is null) return null;
        try
        {
            return SafeXml.Load(bytes, options);
        }
        catch (RecognitionException ex) when (ex.Code == ErrorCodes.Corrupt)
        {
            return null;
        }
    }

    private static string? Value(XElement? parent, string localName) =>
        parent?.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } v ? v : null;

    private static string Dir(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";

    /// <summary>An absolute path ("/Doc_0/...") is from the package root; otherwise relative to the referring file's folder.</summary>
    private string Resolve(string baseDir, string? loc)
    {
        if (string.IsNullOrWhiteSpace(loc)) return "";
        loc = loc.Trim().Replace('\\', '/');
        if (loc.StartsWith('/')) return SafeZip.Normalize(loc);
        var relative = SafeZip.Normalize(baseDir.Length == 0 ? loc : baseDir + "/" + loc);
        return zip.Exists(relative) || !zip.Exists(loc) ? relative : SafeZip.Normalize(loc);
    }
}
