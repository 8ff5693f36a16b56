using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Expenses.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptBlobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "receipt_blobs",
                schema: "expenses",
                columns: table => new
                {
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipt_blobs", x => x.sha256);
                    table.CheckConstraint("ck_receipt_blobs_size", "size = octet_length(bytes)");
                });

            migrationBuilder.CreateIndex(
                name: "ix_receipt_blobs_stored_at",
                schema: "expenses",
                table: "receipt_blobs",
                column: "stored_at");

            // Receipts are JPEG, PNG, PDF, OFD: already compressed, so TOAST stores them out of line without trying again.
            migrationBuilder.Sql("ALTER TABLE expenses.receipt_blobs ALTER COLUMN bytes SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "receipt_blobs",
                schema: "expenses");
        }
    }
}
