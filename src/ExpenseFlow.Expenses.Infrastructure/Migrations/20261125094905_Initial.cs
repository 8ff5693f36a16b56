using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpenseFlow.Expenses.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "expenses");

            migrationBuilder.CreateSequence(
                name: "claim_number_seq",
                schema: "expenses");

            migrationBuilder.CreateTable(
                name: "categories",
                schema: "expenses",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name_en = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    allows_personal_invoice = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "claimed_invoices",
                schema: "expenses",
                columns: table => new
                {
                    invoice_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claimed_invoices", x => x.invoice_key);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                schema: "expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    base_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    total_in_base = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                schema: "expenses",
                columns: table => new
                {
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exchange_rates", x => x.currency);
                });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                schema: "expenses",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    response = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => new { x.user_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_records",
                schema: "expenses",
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
                schema: "expenses",
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
                name: "policy_settings",
                schema: "expenses",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    base_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    buyer_check = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    invoice_date_window = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    invoice_max_age_days = table.Column<int>(type: "integer", nullable: false),
                    category_limits = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    receipt_required = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    receipt_required_above = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "receipts",
                schema: "expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    recognized_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    document_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    proposed_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    result_json = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    proposed = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "category_limits",
                schema: "expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    grade_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    per_item = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    per_day = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    per_month = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_limits", x => x.id);
                    table.ForeignKey(
                        name: "fk_category_limits_categories_category",
                        column: x => x.category,
                        principalSchema: "expenses",
                        principalTable: "categories",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "claim_events",
                schema: "expenses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    to_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on_behalf_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_claim_events_claims_claim_id",
                        column: x => x.claim_id,
                        principalSchema: "expenses",
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "claim_lines",
                schema: "expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    exchange_rate = table.Column<decimal>(type: "numeric(18,8)", precision: 18, scale: 8, nullable: false),
                    amount_in_base = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    expense_date = table.Column<DateOnly>(type: "date", nullable: false),
                    cost_centre_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    receipt_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    invoice = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_claim_lines_claims_claim_id",
                        column: x => x.claim_id,
                        principalSchema: "expenses",
                        principalTable: "claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_category_limits_category_grade_code",
                schema: "expenses",
                table: "category_limits",
                columns: new[] { "category", "grade_code" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_claim_events_claim_id_id",
                schema: "expenses",
                table: "claim_events",
                columns: new[] { "claim_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_events_type_at",
                schema: "expenses",
                table: "claim_events",
                columns: new[] { "type", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_claim_lines_claim_id",
                schema: "expenses",
                table: "claim_lines",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claimed_invoices_claim_id",
                schema: "expenses",
                table: "claimed_invoices",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_employee_id_created_at",
                schema: "expenses",
                table: "claims",
                columns: new[] { "employee_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_employee_id_status",
                schema: "expenses",
                table: "claims",
                columns: new[] { "employee_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_number",
                schema: "expenses",
                table: "claims",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "expenses",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_content_hash",
                schema: "expenses",
                table: "receipts",
                column: "content_hash");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_owner_id_uploaded_at",
                schema: "expenses",
                table: "receipts",
                columns: new[] { "owner_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_receipts_status",
                schema: "expenses",
                table: "receipts",
                column: "status",
                filter: "status IN ('Pending','Running')");

            // The claim log is append-only: KPIs and ROI are computed from it. The only deletion allowed is purging a
            // never-submitted draft, named by the transaction's expenses.purge_draft setting.
            migrationBuilder.Sql(@"
CREATE FUNCTION expenses.claim_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('expenses.purge_draft', true) = OLD.claim_id::text
     AND EXISTS (SELECT 1 FROM expenses.claims c WHERE c.id = OLD.claim_id AND c.status = 'Draft') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'expenses.claim_events is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER claim_events_append_only BEFORE UPDATE OR DELETE ON expenses.claim_events
  FOR EACH ROW EXECUTE FUNCTION expenses.claim_events_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS claim_events_append_only ON expenses.claim_events; DROP FUNCTION IF EXISTS expenses.claim_events_append_only();");
            migrationBuilder.DropTable(
                name: "category_limits",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "claim_events",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "claim_lines",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "claimed_invoices",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "exchange_rates",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "idempotent_requests",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "inbox_records",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "policy_settings",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "receipts",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "categories",
                schema: "expenses");

            migrationBuilder.DropTable(
                name: "claims",
                schema: "expenses");

            migrationBuilder.DropSequence(
                name: "claim_number_seq",
                schema: "expenses");
        }
    }
}
