namespace ExpenseFlow.Expenses.Domain;

/// <summary>
/// The length of the module's text columns, declared once: the EF mappings size the columns with these and the request
/// records declare them ([MaxLength]/[Code]), so what the API accepts is what the database can hold.
/// </summary>
public static class ExpensesLimits
{
    public const int Title = 200;
    public const int Code = 32;
    public const int Currency = 3;
    public const int Description = 500;
    public const int Reason = 1000;
    public const int CategoryName = 50;
    public const int Severity = 8;
    public const int PersonName = 64;
    public const int SeatClass = 16;
}
