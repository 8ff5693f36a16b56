using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Expenses.Infrastructure.Migrations
{
    /// <summary>
    /// Canonical invoice keys (existing rows re-keyed, see <see cref="ClaimedDocumentsSql"/>), claimed receipt files
    /// (backfilled from live claims), and their release when a claim is cancelled or rejected.
    /// </summary>
    public partial class ClaimedDocumentKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "invoice_key",
                schema: "expenses",
                table: "claimed_invoices",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.CreateTable(
                name: "claimed_receipt_files",
                schema: "expenses",
                columns: table => new
                {
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receipt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claimed_receipt_files", x => x.content_hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claimed_receipt_files_claim_id",
                schema: "expenses",
                table: "claimed_receipt_files",
                column: "claim_id");

            migrationBuilder.Sql(ClaimedDocumentsSql.KeyFunctions);
            migrationBuilder.Sql(ClaimedDocumentsSql.RekeyClaimedInvoices);
            migrationBuilder.Sql(ClaimedDocumentsSql.DropKeyFunctions);
            migrationBuilder.Sql(ClaimedDocumentsSql.BackfillClaimedFiles);
            migrationBuilder.Sql(ClaimedDocumentsSql.ReleaseTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Keys stay canonical (the previous version would not match them against its own keys); Up leaves them as they are.
            migrationBuilder.Sql(ClaimedDocumentsSql.DropReleaseTrigger);
            migrationBuilder.DropTable(
                name: "claimed_receipt_files",
                schema: "expenses");

            migrationBuilder.AlterColumn<string>(
                name: "invoice_key",
                schema: "expenses",
                table: "claimed_invoices",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);
        }
    }
}
