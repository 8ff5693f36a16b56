namespace ExpenseFlow.Organization.Domain;

/// <summary>
/// The length of every text column of the module, declared once: the EF mappings size the columns with these and the
/// request records declare them ([MaxLength]/[Code]), so what the API accepts is what the database can hold.
/// </summary>
public static class OrganizationLimits
{
    public const int Code = 32;
    public const int Name = 100;
    public const int LegalEntityName = 200;
    public const int Email = 256;
    public const int Phone = 32;
    public const int TaxId = 18;
    public const int Address = 300;
    public const int AccountNumber = 32;
    public const int Cnaps = 12;
    public const int Note = 300;
}
