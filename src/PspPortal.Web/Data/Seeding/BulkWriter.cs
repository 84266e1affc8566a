using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PspPortal.Web.Data.Seeding;

/// <summary>Inserts many rows of one entity with one prepared statement, inside the caller's transaction, for
/// generate-data. The table, its columns and how each value is stored (enums as text, Guids, dates) come from the EF
/// Core model, so the rows are exactly those SaveChanges would write, at a fraction of its cost. Keys are given by the
/// caller. It bypasses SaveChanges and so the audit trail on purpose: see <see cref="SyntheticProgramGenerator"/>.</summary>
internal sealed class BulkWriter<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;

    public BulkWriter(PortalDbContext db, DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _command = connection.CreateCommand();
        _command.Transaction = transaction;

        var names = new List<string>();
        var values = new List<string>();
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            var column = property.GetColumnName(table);
            if (column is null || property.IsShadowProperty())
            {
                continue;
            }

            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var parameterName = sql.GenerateParameterName("p" + columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var parameter = mapping.CreateParameter(_command, parameterName, null, property.IsNullable);
            _command.Parameters.Add(parameter);
            names.Add(sql.DelimitIdentifier(column));
            values.Add(sql.GenerateParameterNamePlaceholder("p" + (columns.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            columns.Add(new Column(property.GetGetter(), mapping.Converter, parameter));
        }

        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)})";
        _columns = [.. columns];
        _command.Prepare();
    }

    public void Write(T entity)
    {
        foreach (var column in _columns)
        {
            var value = column.Getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && column.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            column.Parameter.Value = value ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();

    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);
}
