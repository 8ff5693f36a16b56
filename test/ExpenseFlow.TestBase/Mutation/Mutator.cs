using System.Text;

namespace ExpenseFlow.TestBase.Mutation;

/// <summary>One mutated upload: what was done (enough to rebuild it from the seed) and its bytes.</summary>
public sealed record Mutant(string Name, byte[] Bytes)
{
    public override string ToString() => $"{Name} ({Bytes.Length} bytes)";
}

/// <summary>
/// Deterministic mutants of a sample: every choice comes from one <see cref="Random"/> with a fixed seed, so a failing
/// mutant is rebuilt by running the same test again. Byte-level mutants here (bit flips, truncation at several points,
/// insertion and deletion); structural ones per format in <see cref="XmlMutants"/>, <see cref="TextMutants"/> and
/// <see cref="BinaryMutants"/>.
/// </summary>
public sealed class Mutator(int seed)
{
    /// <summary>The seed every mutation test prints and uses unless EXPENSEFLOW_MUTATION_SEED says otherwise.</summary>
    public const int DefaultSeed = 20_231_123;

    public int Seed { get; } = seed;

    public Random Random { get; } = new(seed);

    /// <summary>The seed to use: EXPENSEFLOW_MUTATION_SEED when set (to explore), else <see cref="DefaultSeed"/>.</summary>
    public static Mutator FromEnvironment() =>
        new(int.TryParse(Environment.GetEnvironmentVariable("EXPENSEFLOW_MUTATION_SEED"), out var seed) ? seed : DefaultSeed);

    /// <summary><paramref name="count"/> byte-level mutants of <paramref name="sample"/>, cycling through the kinds.</summary>
    public IEnumerable<Mutant> Bytes(string sampleName, byte[] sample, int count)
    {
        ArgumentNullException.ThrowIfNull(sample);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 6) switch
            {
                0 => FlipBits(sampleName, sample),
                1 => Truncate(sampleName, sample, i / 6),
                2 => Insert(sampleName, sample),
                3 => Delete(sampleName, sample),
                4 => Overwrite(sampleName, sample),
                _ => Duplicate(sampleName, sample),
            };
        }
    }

    public Mutant FlipBits(string name, byte[] sample)
    {
        var bytes = (byte[])sample.Clone();
        var flips = Random.Next(1, 9);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            bytes[Random.Next(bytes.Length)] ^= (byte)(1 << Random.Next(8));
        }

        return new($"{name}: {flips} bit flips", bytes);
    }

    /// <summary>Cut at a few fixed points (nothing, one byte, a quarter, a half, all but one byte) and then at random ones.</summary>
    public Mutant Truncate(string name, byte[] sample, int round)
    {
        var at = round switch
        {
            0 => 0,
            1 => 1,
            2 => sample.Length / 4,
            3 => sample.Length / 2,
            4 => Math.Max(0, sample.Length - 1),
            _ => Random.Next(sample.Length),
        };
        return new($"{name}: truncated at {at}", sample[..at]);
    }

    public Mutant Insert(string name, byte[] sample)
    {
        var at = Random.Next(sample.Length + 1);
        var inserted = new byte[Random.Next(1, 65)];
        Random.NextBytes(inserted);
        return new($"{name}: {inserted.Length} random bytes inserted at {at}", [.. sample[..at], .. inserted, .. sample[at..]]);
    }

    public Mutant Delete(string name, byte[] sample)
    {
        if (sample.Length == 0)
        {
            return new($"{name}: empty", []);
        }

        var at = Random.Next(sample.Length);
        var length = Math.Min(sample.Length - at, Random.Next(1, 129));
        return new($"{name}: {length} bytes deleted at {at}", [.. sample[..at], .. sample[(at + length)..]]);
    }

    public Mutant Overwrite(string name, byte[] sample)
    {
        var bytes = (byte[])sample.Clone();
        var value = (byte)(Random.Next(2) == 0 ? 0x00 : 0xFF);
        var at = bytes.Length == 0 ? 0 : Random.Next(bytes.Length);
        var length = Math.Min(bytes.Length - at, Random.Next(1, 33));
        Array.Fill(bytes, value, at, length);
        return new($"{name}: {length} bytes at {at} set to 0x{value:X2}", bytes);
    }

    public Mutant Duplicate(string name, byte[] sample)
    {
        if (sample.Length == 0)
        {
            return new($"{name}: empty", []);
        }

        var at = Random.Next(sample.Length);
        var length = Math.Min(sample.Length - at, Random.Next(1, 257));
        return new($"{name}: {length} bytes at {at} repeated", [.. sample[..(at + length)], .. sample[at..]]);
    }

    /// <summary>A random pick of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
