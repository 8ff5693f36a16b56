using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Payments.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PayeeAccountChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "account_changed_at",
                schema: "payments",
                table: "payables",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "account_changed_by",
                schema: "payments",
                table: "payables",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "account_confirmed_by",
                schema: "payments",
                table: "payables",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "account_id",
                schema: "payments",
                table: "payables",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "account_changed_at",
                schema: "payments",
                table: "batch_lines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "account_changed_by",
                schema: "payments",
                table: "batch_lines",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "account_confirmed_by",
                schema: "payments",
                table: "batch_lines",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "account_changed_at",
                schema: "payments",
                table: "payables");

            migrationBuilder.DropColumn(
                name: "account_changed_by",
                schema: "payments",
                table: "payables");

            migrationBuilder.DropColumn(
                name: "account_confirmed_by",
                schema: "payments",
                table: "payables");

            migrationBuilder.DropColumn(
                name: "account_id",
                schema: "payments",
                table: "payables");

            migrationBuilder.DropColumn(
                name: "account_changed_at",
                schema: "payments",
                table: "batch_lines");

            migrationBuilder.DropColumn(
                name: "account_changed_by",
                schema: "payments",
                table: "batch_lines");

            migrationBuilder.DropColumn(
                name: "account_confirmed_by",
                schema: "payments",
                table: "batch_lines");
        }
    }
}
