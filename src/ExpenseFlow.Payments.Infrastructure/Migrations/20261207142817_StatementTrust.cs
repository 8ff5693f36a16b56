using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Payments.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StatementTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "legal_entity_id",
                schema: "payments",
                table: "statement_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "proposed_at",
                schema: "payments",
                table: "statement_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "proposed_by",
                schema: "payments",
                table: "statement_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_statement_entries_checker",
                schema: "payments",
                table: "statement_entries",
                sql: "match <> 'Returned' OR proposed_by IS NULL OR (resolved_by IS NOT NULL AND resolved_by <> proposed_by)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_statement_entries_proposal",
                schema: "payments",
                table: "statement_entries",
                sql: "match <> 'ReturnProposed' OR (proposed_by IS NOT NULL AND batch_line_id IS NOT NULL)");

            // The example ICBC template as seeded took any Unicode text, so a payee name "=HYPERLINK(...)" reached the
            // bank file as typed. Chinese banks take Chinese text and a few symbols (BankCharacterSet.ChineseBank); a
            // template Finance has edited since (updated_by set) is theirs and is left alone.
            migrationBuilder.Sql("""
                UPDATE payments.bank_templates SET profile = jsonb_set(profile, '{text,characterSet}', '"ChineseBank"')
                WHERE code = 'icbc' AND updated_by IS NULL AND profile #>> '{text,characterSet}' = 'Unicode';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE payments.bank_templates SET profile = jsonb_set(profile, '{text,characterSet}', '"Unicode"')
                WHERE code = 'icbc' AND updated_by IS NULL AND profile #>> '{text,characterSet}' = 'ChineseBank';
                """);

            migrationBuilder.DropCheckConstraint(
                name: "ck_statement_entries_checker",
                schema: "payments",
                table: "statement_entries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_statement_entries_proposal",
                schema: "payments",
                table: "statement_entries");

            migrationBuilder.DropColumn(
                name: "legal_entity_id",
                schema: "payments",
                table: "statement_entries");

            migrationBuilder.DropColumn(
                name: "proposed_at",
                schema: "payments",
                table: "statement_entries");

            migrationBuilder.DropColumn(
                name: "proposed_by",
                schema: "payments",
                table: "statement_entries");
        }
    }
}
