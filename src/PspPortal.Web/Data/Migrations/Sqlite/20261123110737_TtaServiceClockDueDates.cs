using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PspPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TtaServiceClockDueDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DecisionDueOn",
                table: "TtaRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeliveryDueOn",
                table: "TtaRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_DecisionDueOn",
                table: "TtaRequests",
                column: "DecisionDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_TtaRequests_DeliveryDueOn",
                table: "TtaRequests",
                column: "DeliveryDueOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_DecisionDueOn",
                table: "TtaRequests");

            migrationBuilder.DropIndex(
                name: "IX_TtaRequests_DeliveryDueOn",
                table: "TtaRequests");

            migrationBuilder.DropColumn(
                name: "DecisionDueOn",
                table: "TtaRequests");

            migrationBuilder.DropColumn(
                name: "DeliveryDueOn",
                table: "TtaRequests");
        }
    }
}
