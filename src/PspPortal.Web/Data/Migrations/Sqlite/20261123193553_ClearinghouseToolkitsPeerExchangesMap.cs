using System;
using Microsoft.EntityFrameworkCore.Migrations;
using PspPortal.Web.Data;

#nullable disable

namespace PspPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClearinghouseToolkitsPeerExchangesMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PeerExchanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TtaRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostSiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InvitedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    InvitedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VisitEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnswerNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerExchanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerExchanges_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PeerExchanges_Sites_HostSiteId",
                        column: x => x.HostSiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerExchanges_TtaRequests_TtaRequestId",
                        column: x => x.TtaRequestId,
                        principalTable: "TtaRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Toolkits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StrategyId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Toolkits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Toolkits_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Toolkits_PlanStrategies_StrategyId",
                        column: x => x.StrategyId,
                        principalTable: "PlanStrategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ResourceAgencySizes",
                columns: table => new
                {
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceAgencySizes", x => new { x.ResourceId, x.Size });
                    table.ForeignKey(
                        name: "FK_ResourceAgencySizes_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceCoreAreas",
                columns: table => new
                {
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoreAreaId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceCoreAreas", x => new { x.ResourceId, x.CoreAreaId });
                    table.ForeignKey(
                        name: "FK_ResourceCoreAreas_CoreAreas_CoreAreaId",
                        column: x => x.CoreAreaId,
                        principalTable: "CoreAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceCoreAreas_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TtaRequestResources",
                columns: table => new
                {
                    TtaRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AttachedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AttachedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TtaRequestResources", x => new { x.TtaRequestId, x.ResourceId });
                    table.ForeignKey(
                        name: "FK_TtaRequestResources_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TtaRequestResources_TtaRequests_TtaRequestId",
                        column: x => x.TtaRequestId,
                        principalTable: "TtaRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ToolkitItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToolkitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToolkitItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ToolkitItems_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ToolkitItems_Toolkits_ToolkitId",
                        column: x => x.ToolkitId,
                        principalTable: "Toolkits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ToolkitShares",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToolkitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToolkitShares", x => x.Id);
                    table.CheckConstraint("CK_ToolkitShares_OneGrantee", "(\"UserId\" IS NULL) <> (\"SiteId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_ToolkitShares_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ToolkitShares_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ToolkitShares_Toolkits_ToolkitId",
                        column: x => x.ToolkitId,
                        principalTable: "Toolkits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerExchanges_HostSiteId_Status",
                table: "PeerExchanges",
                columns: new[] { "HostSiteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerExchanges_MilestoneId",
                table: "PeerExchanges",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerExchanges_TtaRequestId_HostSiteId",
                table: "PeerExchanges",
                columns: new[] { "TtaRequestId", "HostSiteId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceAgencySizes_Size",
                table: "ResourceAgencySizes",
                column: "Size");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceCoreAreas_CoreAreaId",
                table: "ResourceCoreAreas",
                column: "CoreAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_IsRetired_Type_PublishedOn",
                table: "Resources",
                columns: new[] { "IsRetired", "Type", "PublishedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ToolkitItems_ResourceId",
                table: "ToolkitItems",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ToolkitItems_ToolkitId_ResourceId",
                table: "ToolkitItems",
                columns: new[] { "ToolkitId", "ResourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Toolkits_OwnerId",
                table: "Toolkits",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Toolkits_StrategyId",
                table: "Toolkits",
                column: "StrategyId");

            migrationBuilder.CreateIndex(
                name: "IX_ToolkitShares_SiteId",
                table: "ToolkitShares",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_ToolkitShares_ToolkitId",
                table: "ToolkitShares",
                column: "ToolkitId");

            migrationBuilder.CreateIndex(
                name: "IX_ToolkitShares_UserId",
                table: "ToolkitShares",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequestResources_ResourceId",
                table: "TtaRequestResources",
                column: "ResourceId");
        
            // The Clearinghouse's full-text index and the triggers that keep it in step (Data/ResourceSearch.cs).
            migrationBuilder.Sql(ResourceSearch.SqliteSchema);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ResourceSearch.SqliteDropSchema);

            migrationBuilder.DropTable(
                name: "PeerExchanges");

            migrationBuilder.DropTable(
                name: "ResourceAgencySizes");

            migrationBuilder.DropTable(
                name: "ResourceCoreAreas");

            migrationBuilder.DropTable(
                name: "ToolkitItems");

            migrationBuilder.DropTable(
                name: "ToolkitShares");

            migrationBuilder.DropTable(
                name: "TtaRequestResources");

            migrationBuilder.DropTable(
                name: "Toolkits");

            migrationBuilder.DropTable(
                name: "Resources");
        }
    }
}
