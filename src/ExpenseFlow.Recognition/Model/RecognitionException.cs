namespace ExpenseFlow.Recognition;

/// <summary>Thrown inside the engine to abort one document with a stable error code; never escapes the engine.</summary>
internal sealed class RecognitionException(string code, string? message = null) : Exception(message ?? code)
{
    public string Code { get; } = code;
}
