using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Expenses.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TravelPolicyAndSheetLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "travel_policy",
                schema: "expenses",
                table: "policy_settings",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "Warn");

            migrationBuilder.AddColumn<List<string>>(
                name: "travellers",
                schema: "expenses",
                table: "claims",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateOnly>(
                name: "trip_end",
                schema: "expenses",
                table: "claims",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "trip_start",
                schema: "expenses",
                table: "claims",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "document_index",
                schema: "expenses",
                table: "claim_lines",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "travel_class_rules",
                schema: "expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    train_classes = table.Column<List<string>>(type: "text[]", nullable: false),
                    air_cabins = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_travel_class_rules", x => x.id);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_claims_trip",
                schema: "expenses",
                table: "claims",
                sql: "(trip_start IS NULL) = (trip_end IS NULL) AND (trip_start IS NULL OR trip_start <= trip_end)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_claim_lines_document_index",
                schema: "expenses",
                table: "claim_lines",
                sql: "document_index IS NULL OR document_index BETWEEN 0 AND 49");

            migrationBuilder.CreateIndex(
                name: "ix_travel_class_rules_grade_code",
                schema: "expenses",
                table: "travel_class_rules",
                column: "grade_code",
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "travel_class_rules",
                schema: "expenses");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claims_trip",
                schema: "expenses",
                table: "claims");

            migrationBuilder.DropCheckConstraint(
                name: "ck_claim_lines_document_index",
                schema: "expenses",
                table: "claim_lines");

            migrationBuilder.DropColumn(
                name: "travel_policy",
                schema: "expenses",
                table: "policy_settings");

            migrationBuilder.DropColumn(
                name: "travellers",
                schema: "expenses",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "trip_end",
                schema: "expenses",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "trip_start",
                schema: "expenses",
                table: "claims");

            migrationBuilder.DropColumn(
                name: "document_index",
                schema: "expenses",
                table: "claim_lines");
        }
    }
}
