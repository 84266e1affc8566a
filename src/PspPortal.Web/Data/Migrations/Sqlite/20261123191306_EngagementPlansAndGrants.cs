using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PspPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EngagementPlansAndGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StrategyId",
                table: "TtaRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EngagementId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConductedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CapacityGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    EngagementId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Solicitation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AwardNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacityGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CapacityGrants_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CapacityGrants_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EngagementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentCoreArea",
                columns: table => new
                {
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoreAreaId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentCoreArea", x => new { x.AssessmentId, x.CoreAreaId });
                    table.ForeignKey(
                        name: "FK_AssessmentCoreArea_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentCoreArea_CoreAreas_CoreAreaId",
                        column: x => x.CoreAreaId,
                        principalTable: "CoreAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanStrategies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GoalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CoreAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanStrategies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanStrategies_CoreAreas_CoreAreaId",
                        column: x => x.CoreAreaId,
                        principalTable: "CoreAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanStrategies_PlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "PlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantFundedStrategy",
                columns: table => new
                {
                    GrantId = table.Column<int>(type: "INTEGER", nullable: false),
                    StrategyId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantFundedStrategy", x => new { x.GrantId, x.StrategyId });
                    table.ForeignKey(
                        name: "FK_GrantFundedStrategy_CapacityGrants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "CapacityGrants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GrantFundedStrategy_PlanStrategies_StrategyId",
                        column: x => x.StrategyId,
                        principalTable: "PlanStrategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CoreAreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    StrategyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Recommendations_CoreAreas_CoreAreaId",
                        column: x => x.CoreAreaId,
                        principalTable: "CoreAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recommendations_PlanStrategies_StrategyId",
                        column: x => x.StrategyId,
                        principalTable: "PlanStrategies",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StrategyNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StrategyId = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyNotes_PlanStrategies_StrategyId",
                        column: x => x.StrategyId,
                        principalTable: "PlanStrategies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_StrategyId",
                table: "TtaRequests",
                column: "StrategyId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentCoreArea_CoreAreaId",
                table: "AssessmentCoreArea",
                column: "CoreAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_EngagementId",
                table: "Assessments",
                column: "EngagementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacityGrants_AwardNumber",
                table: "CapacityGrants",
                column: "AwardNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacityGrants_EngagementId",
                table: "CapacityGrants",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_CapacityGrants_FiscalYear_Status",
                table: "CapacityGrants",
                columns: new[] { "FiscalYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CapacityGrants_SiteId",
                table: "CapacityGrants",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantFundedStrategy_StrategyId",
                table: "GrantFundedStrategy",
                column: "StrategyId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_EngagementId_Number",
                table: "PlanGoals",
                columns: new[] { "EngagementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanStrategies_CoreAreaId",
                table: "PlanStrategies",
                column: "CoreAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanStrategies_GoalId_Number",
                table: "PlanStrategies",
                columns: new[] { "GoalId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_AssessmentId_Number",
                table: "Recommendations",
                columns: new[] { "AssessmentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CoreAreaId",
                table: "Recommendations",
                column: "CoreAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_StrategyId",
                table: "Recommendations",
                column: "StrategyId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyNotes_StrategyId_WrittenOn",
                table: "StrategyNotes",
                columns: new[] { "StrategyId", "WrittenOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_TtaRequests_PlanStrategies_StrategyId",
                table: "TtaRequests",
                column: "StrategyId",
                principalTable: "PlanStrategies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TtaRequests_PlanStrategies_StrategyId",
                table: "TtaRequests");

            migrationBuilder.DropTable(
                name: "AssessmentCoreArea");

            migrationBuilder.DropTable(
                name: "GrantFundedStrategy");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "StrategyNotes");

            migrationBuilder.DropTable(
                name: "CapacityGrants");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "PlanStrategies");

            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_StrategyId",
                table: "TtaRequests");

            migrationBuilder.DropColumn(
                name: "StrategyId",
                table: "TtaRequests");
        }
    }
}
