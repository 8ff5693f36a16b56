using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpenseFlow.Organization.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AccessControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_events",
                schema: "organization",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    roles_before = table.Column<string[]>(type: "text[]", nullable: false),
                    roles_after = table.Column<string[]>(type: "text[]", nullable: false),
                    grant_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "role_grants",
                schema: "organization",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    roles = table.Column<string[]>(type: "text[]", nullable: false),
                    reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_grants_people_person_id",
                        column: x => x.person_id,
                        principalSchema: "organization",
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_events_person_id_at",
                schema: "organization",
                table: "access_events",
                columns: new[] { "person_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_role_grants_person_id",
                schema: "organization",
                table: "role_grants",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_grants_status",
                schema: "organization",
                table: "role_grants",
                column: "status");

            // The access log is evidence: nobody, an administrator included, rewrites it.
            migrationBuilder.Sql("""
CREATE FUNCTION organization.access_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'organization.access_events is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER access_events_append_only BEFORE UPDATE OR DELETE ON organization.access_events
  FOR EACH ROW EXECUTE FUNCTION organization.access_events_append_only();
""");

            // Deactivation used to lock the login until the end of time, which outlived a re-activation; it is the
            // person's IsActive flag (checked at sign-in) and a new security stamp now.
            migrationBuilder.Sql("""UPDATE organization."AspNetUsers" SET lockout_end = NULL WHERE lockout_end > '9000-01-01'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS access_events_append_only ON organization.access_events; DROP FUNCTION IF EXISTS organization.access_events_append_only();");
            migrationBuilder.DropTable(
                name: "access_events",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "role_grants",
                schema: "organization");
        }
    }
}
