using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Expenses.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NotedIdentities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "noted_identities",
                schema: "expenses",
                columns: table => new
                {
                    identity_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    noted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_noted_identities", x => new { x.identity_key, x.claim_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_noted_identities_claim_id",
                schema: "expenses",
                table: "noted_identities",
                column: "claim_id");

            migrationBuilder.Sql(ClaimedDocumentsSql.ReleaseWithNotedIdentities);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ClaimedDocumentsSql.ReleaseWithoutNotedIdentities);
            migrationBuilder.DropTable(
                name: "noted_identities",
                schema: "expenses");
        }
    }
}
