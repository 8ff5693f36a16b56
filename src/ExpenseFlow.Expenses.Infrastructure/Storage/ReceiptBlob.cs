using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpenseFlow.Expenses.Infrastructure.Storage;

/// <summary>A receipt's bytes in the database (used with Receipts:Store=Database); read and written by <see cref="DatabaseReceiptStorage"/>.</summary>
public sealed class ReceiptBlob
{
    public required string Sha256 { get; init; }

    public required byte[] Bytes { get; init; }

    public long Size { get; init; }

    /// <summary>When these bytes were last stored: an upload of the same bytes renews it.</summary>
    public DateTimeOffset StoredAt { get; init; }
}

internal sealed class ReceiptBlobMap : IEntityTypeConfiguration<ReceiptBlob>
{
    public void Configure(EntityTypeBuilder<ReceiptBlob> b)
    {
        b.ToTable("receipt_blobs", t => t.HasCheckConstraint("ck_receipt_blobs_size", "size = octet_length(bytes)"));
        b.HasKey(x => x.Sha256);
        b.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        b.Property(x => x.Bytes).HasColumnType("bytea");
        b.HasIndex(x => x.StoredAt);
    }
}
