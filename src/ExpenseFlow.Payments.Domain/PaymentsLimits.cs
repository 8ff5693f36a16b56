namespace ExpenseFlow.Payments.Domain;

/// <summary>Text column lengths of the module, declared once for the EF mappings and the request records.</summary>
public static class PaymentsLimits
{
    public const int Currency = 3;
    public const int Note = 200;
}
