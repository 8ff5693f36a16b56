using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpenseFlow.Insights.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(name: "insights");
            // Rollup cells add counter vectors element by element (upserts from concurrent events commute).
            migrationBuilder.Sql("""
                CREATE FUNCTION insights.add_counters(a bigint[], b bigint[]) RETURNS bigint[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
                $$;
                """);

            migrationBuilder.EnsureSchema(
                name: "insights");

            migrationBuilder.CreateTable(
                name: "baselines",
                schema: "insights",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    figures_json = table.Column<string>(type: "jsonb", nullable: false),
                    history_json = table.Column<string>(type: "jsonb", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_baselines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cells",
                schema: "insights",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    dim = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    counters = table.Column<long[]>(type: "bigint[]", nullable: false),
                    label = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cells", x => new { x.dim, x.month, x.key });
                });

            migrationBuilder.CreateTable(
                name: "claim_facts",
                schema: "insights",
                columns: table => new
                {
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_name = table.Column<string>(type: "text", nullable: true),
                    legal_entity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    legal_entity_name = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    first_upload_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submissions = table.Column<int>(type: "integer", nullable: false),
                    returns = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<bool>(type: "boolean", nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_reopened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_automatically = table.Column<bool>(type: "boolean", nullable: false),
                    fields_proposed = table.Column<int>(type: "integer", nullable: false),
                    fields_corrected = table.Column<int>(type: "integer", nullable: false),
                    manual_lines = table.Column<int>(type: "integer", nullable: false),
                    tasks = table.Column<int>(type: "integer", nullable: false),
                    sla_breaches = table.Column<int>(type: "integer", nullable: false),
                    reminders = table.Column<int>(type: "integer", nullable: false),
                    finance_wait_seconds = table.Column<long>(type: "bigint", nullable: false),
                    had_finance_review = table.Column<bool>(type: "boolean", nullable: false),
                    approver_active_seconds = table.Column<long>(type: "bigint", nullable: false),
                    approver_active_tasks = table.Column<int>(type: "integer", nullable: false),
                    finance_active_seconds = table.Column<long>(type: "bigint", nullable: false),
                    finance_active_tasks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_facts", x => x.claim_id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                schema: "insights",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    context = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "histograms",
                schema: "insights",
                columns: table => new
                {
                    metric = table.Column<short>(type: "smallint", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    dim = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    bucket = table.Column<int>(type: "integer", nullable: false),
                    n = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_histograms", x => new { x.dim, x.metric, x.month, x.key, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "inbox_records",
                schema: "insights",
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
                schema: "insights",
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
                name: "survey_scores",
                schema: "insights",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    before = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    after = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    entered_by = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_scores", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "task_facts",
                schema: "insights",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approval_id = table.Column<Guid>(type: "uuid", nullable: false),
                    flow_name = table.Column<string>(type: "text", nullable: false),
                    step_key = table.Column<string>(type: "text", nullable: false),
                    step_name = table.Column<string>(type: "text", nullable: false),
                    step_kind = table.Column<string>(type: "text", nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignee_name = table.Column<string>(type: "text", nullable: true),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    waiting_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_facts", x => x.task_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_baselines_version",
                schema: "insights",
                table: "baselines",
                column: "version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claim_facts_first_submitted_at",
                schema: "insights",
                table: "claim_facts",
                column: "first_submitted_at");

            migrationBuilder.CreateIndex(
                name: "ix_events_claim_id",
                schema: "insights",
                table: "events",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_event_id",
                schema: "insights",
                table: "events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                schema: "insights",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_facts_claim_id",
                schema: "insights",
                table: "task_facts",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_facts_completed_at",
                schema: "insights",
                table: "task_facts",
                column: "completed_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS insights.add_counters(bigint[], bigint[]);");
            migrationBuilder.DropTable(
                name: "baselines",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "cells",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "claim_facts",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "events",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "histograms",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "inbox_records",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "survey_scores",
                schema: "insights");

            migrationBuilder.DropTable(
                name: "task_facts",
                schema: "insights");
        }
    }
}
