using System.Xml;
using System.Xml.Schema;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>Validation against the official ISO 20022 XSDs in ../shared/data/iso20022 (for [SharedDataFact("iso20022")] tests).</summary>
internal static class Iso20022Schemas
{
    /// <summary>Every error and warning the schema reports, as "Severity: message"; empty when the document is valid.</summary>
    public static List<string> Problems(byte[] xml, string xsdFile)
    {
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(Path.Combine(SharedData.Folder("iso20022")!, xsdFile), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            schemas.Add(null, reader);
        }

        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        using var validating = XmlReader.Create(new MemoryStream(xml), settings);
        while (validating.Read())
        {
        }

        return problems;
    }
}
