using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PspPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerformanceIndexesAndFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_CoreAreaId",
                table: "TtaRequests");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_CohortId",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Kind",
                table: "AuditEntries");

            migrationBuilder.CreateTable(
                name: "FiguresStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FiguresStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "FiguresStamps",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, new Guid("6f1d3c57-1b2e-4c55-9a51-0c8c3b1d2a10") });

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_CoreAreaId_UpdatedAt",
                table: "TtaRequests",
                columns: new[] { "CoreAreaId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_NeededBy",
                table: "TtaRequests",
                column: "NeededBy");

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_SiteId_UpdatedAt",
                table: "TtaRequests",
                columns: new[] { "SiteId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_Title",
                table: "TtaRequests",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_UpdatedAt",
                table: "TtaRequests",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_CohortId_SiteId",
                table: "Engagements",
                columns: new[] { "CohortId", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "EntityType", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Kind_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "Kind", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FiguresStamps");

            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_CoreAreaId_UpdatedAt",
                table: "TtaRequests");

            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_NeededBy",
                table: "TtaRequests");

            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_SiteId_UpdatedAt",
                table: "TtaRequests");

            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_Title",
                table: "TtaRequests");

            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_UpdatedAt",
                table: "TtaRequests");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_CohortId_SiteId",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_OccurredAt",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Kind_OccurredAt",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_CoreAreaId",
                table: "TtaRequests",
                column: "CoreAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_CohortId",
                table: "Engagements",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType",
                table: "AuditEntries",
                column: "EntityType");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Kind",
                table: "AuditEntries",
                column: "Kind");
        }
    }
}
