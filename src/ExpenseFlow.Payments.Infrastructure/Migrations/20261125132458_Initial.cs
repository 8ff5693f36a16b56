using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Payments.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "payments");

            migrationBuilder.CreateSequence(
                name: "batch_number_seq",
                schema: "payments");

            migrationBuilder.CreateTable(
                name: "batches",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    execution_date = table.Column<DateOnly>(type: "date", nullable: false),
                    total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    released_by = table.Column<Guid>(type: "uuid", nullable: true),
                    released_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_records",
                schema: "payments",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_records", x => new { x.event_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payables",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    account_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    account_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cnaps_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hold_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payables", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_files",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    generated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "statement_entries",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    booking_date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    is_credit = table.Column<bool>(type: "boolean", nullable: false),
                    end_to_end_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    counterparty_name = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: true),
                    counterparty_account = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    match = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    batch_line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "statement_imports",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    statement_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    imported_by = table.Column<Guid>(type: "uuid", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entry_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statement_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "batch_lines",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    payable_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    end_to_end_id = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    payee_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    account_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bank_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    cnaps_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    settled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    statement_reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_batch_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_batch_lines_batches_batch_id",
                        column: x => x.batch_id,
                        principalSchema: "payments",
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_batch_lines_batch_id",
                schema: "payments",
                table: "batch_lines",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_batch_lines_end_to_end_id",
                schema: "payments",
                table: "batch_lines",
                column: "end_to_end_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_batch_lines_claim_active",
                schema: "payments",
                table: "batch_lines",
                column: "claim_id",
                unique: true,
                filter: "status IN ('Pending', 'Paid')");

            migrationBuilder.CreateIndex(
                name: "ix_batches_number",
                schema: "payments",
                table: "batches",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "payments",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payables_claim_id",
                schema: "payments",
                table: "payables",
                column: "claim_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payables_status_legal_entity_id_currency_approved_at",
                schema: "payments",
                table: "payables",
                columns: new[] { "status", "legal_entity_id", "currency", "approved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_files_batch_id_format",
                schema: "payments",
                table: "payment_files",
                columns: new[] { "batch_id", "format" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_statement_entries_import_id_sequence",
                schema: "payments",
                table: "statement_entries",
                columns: new[] { "import_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_statement_entries_match",
                schema: "payments",
                table: "statement_entries",
                column: "match");

            migrationBuilder.CreateIndex(
                name: "ux_statement_entries_line_matched",
                schema: "payments",
                table: "statement_entries",
                column: "batch_line_id",
                unique: true,
                filter: "match = 'Matched'");

            migrationBuilder.CreateIndex(
                name: "ix_statement_imports_sha256",
                schema: "payments",
                table: "statement_imports",
                column: "sha256",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "batch_lines",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "inbox_records",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "payables",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "payment_files",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "statement_entries",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "statement_imports",
                schema: "payments");

            migrationBuilder.DropTable(
                name: "batches",
                schema: "payments");

            migrationBuilder.DropSequence(
                name: "batch_number_seq",
                schema: "payments");
        }
    }
}
