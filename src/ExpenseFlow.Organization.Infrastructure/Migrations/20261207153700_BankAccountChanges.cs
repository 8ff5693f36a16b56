using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpenseFlow.Organization.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BankAccountChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "changed_at",
                schema: "organization",
                table: "bank_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "changed_by",
                schema: "organization",
                table: "bank_accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmed_at",
                schema: "organization",
                table: "bank_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "confirmed_by",
                schema: "organization",
                table: "bank_accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "organization",
                table: "bank_accounts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.CreateTable(
                name: "bank_account_changes",
                schema: "organization",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    makes_default = table.Column<bool>(type: "boolean", nullable: false),
                    proposed_account_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    proposed_bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    proposed_cnaps_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    made_by = table.Column<Guid>(type: "uuid", nullable: false),
                    made_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_account_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_bank_account_changes_people_person_id",
                        column: x => x.person_id,
                        principalSchema: "organization",
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bank_account_log",
                schema: "organization",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    change_id = table.Column<Guid>(type: "uuid", nullable: true),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    account_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    cnaps_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    account_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_account_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_account_changes_account_id",
                schema: "organization",
                table: "bank_account_changes",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_bank_account_changes_status_made_at",
                schema: "organization",
                table: "bank_account_changes",
                columns: new[] { "status", "made_at" });

            migrationBuilder.CreateIndex(
                name: "ux_bank_account_changes_one_pending",
                schema: "organization",
                table: "bank_account_changes",
                column: "person_id",
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_bank_account_log_person_id_at",
                schema: "organization",
                table: "bank_account_log",
                columns: new[] { "person_id", "at" });

            // The bank account audit log is append-only, like expenses.claim_events: nobody, administrators included,
            // rewrites who changed where a person is paid.
            migrationBuilder.Sql(@"
CREATE FUNCTION organization.bank_account_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'organization.bank_account_log is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER bank_account_log_append_only BEFORE UPDATE OR DELETE ON organization.bank_account_log
  FOR EACH ROW EXECUTE FUNCTION organization.bank_account_log_append_only();
CREATE TRIGGER bank_account_log_no_truncate BEFORE TRUNCATE ON organization.bank_account_log
  FOR EACH STATEMENT EXECUTE FUNCTION organization.bank_account_log_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_account_changes",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "bank_account_log",
                schema: "organization");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS organization.bank_account_log_append_only();");

            migrationBuilder.DropColumn(
                name: "changed_at",
                schema: "organization",
                table: "bank_accounts");

            migrationBuilder.DropColumn(
                name: "changed_by",
                schema: "organization",
                table: "bank_accounts");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                schema: "organization",
                table: "bank_accounts");

            migrationBuilder.DropColumn(
                name: "confirmed_by",
                schema: "organization",
                table: "bank_accounts");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "organization",
                table: "bank_accounts");
        }
    }
}
