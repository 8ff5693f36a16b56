using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpenseFlow.Payments.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BankTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "format",
                schema: "payments",
                table: "payment_files",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.CreateTable(
                name: "bank_templates",
                schema: "payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    profile = table.Column<string>(type: "jsonb", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_templates", x => x.id);
                    table.CheckConstraint("ck_bank_templates_code", "code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_templates_code",
                schema: "payments",
                table: "bank_templates",
                column: "code",
                unique: true);

            // The example ICBC layout that was built in until now, so icbc-csv / icbc-xlsx keep working. Frozen here:
            // later changes to BankTemplateProfile.IcbcBatchPaymentExample do not rewrite what Finance may have edited.
            migrationBuilder.Sql($"""
                INSERT INTO payments.bank_templates (id, code, name, profile, is_active, updated_by, updated_at)
                VALUES ('019ac35e-0000-7000-8000-000000000001'::uuid, 'icbc', '示例：中国工商银行 批量付款', '{IcbcProfile.Replace("'", "''", StringComparison.Ordinal)}'::jsonb, true, NULL, now())
                ON CONFLICT (code) DO NOTHING;
                """);
        }

        private const string IcbcProfile = """
            {
              "id": "icbc",
              "bankName": "中国工商银行",
              "description": "Example 企业网银 批量付款 layout; verify against the bank's current template before use.",
              "columns": [
                { "header": "付款账号", "field": "PayerAccount", "format": null, "value": null, "maxLength": null },
                { "header": "收款账号", "field": "PayeeAccount", "format": null, "value": null, "maxLength": null },
                { "header": "收款户名", "field": "PayeeName", "format": null, "value": null, "maxLength": 60 },
                { "header": "收款行名", "field": "PayeeBankName", "format": null, "value": null, "maxLength": 60 },
                { "header": "收款行联行号", "field": "PayeeBankCode", "format": null, "value": null, "maxLength": null },
                { "header": "金额", "field": "Amount", "format": "0.00", "value": null, "maxLength": null },
                { "header": "用途", "field": "Purpose", "format": null, "value": null, "maxLength": 20 },
                { "header": "备注", "field": "Remark", "format": null, "value": null, "maxLength": 60 }
              ],
              "csvEncoding": "Gb18030",
              "csvDelimiter": ",",
              "sheetName": "批量付款",
              "text": { "characterSet": "Unicode", "replacement": " ", "maxNameLength": 140, "maxRemittanceLength": 140, "maxIdentifierLength": 35 }
            }
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_templates",
                schema: "payments");

            migrationBuilder.AlterColumn<string>(
                name: "format",
                schema: "payments",
                table: "payment_files",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);
        }
    }
}
