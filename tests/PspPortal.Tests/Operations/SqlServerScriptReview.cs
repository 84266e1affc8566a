using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace PspPortal.Tests.Operations;

/// <summary>What SQL Server refuses at deployment, checked without a server: the script is parsed as T-SQL (SQL
/// Server 2022's grammar) batch by batch, and the relational model it was made from is checked for the limits SQL
/// Server enforces only when the DDL runs. Each rule returns problems in words; <c>SqlServerScriptReviewTests</c>
/// shows that each rule catches what it is for.</summary>
public static partial class SqlServerScriptReview
{
    /// <summary>SQL Server's longest identifier (sysname).</summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>The widest key of a nonclustered index and of a clustered one (the primary key), in bytes.</summary>
    public const int MaxNonclusteredKeyBytes = 1700;

    public const int MaxClusteredKeyBytes = 900;

    /// <summary>Problems in the text of a script.</summary>
    public static IReadOnlyList<string> ReviewScript(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var problems = new List<string>();

        foreach (var (pattern, what) in SqliteOnly)
        {
            if (Regex.IsMatch(script, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                problems.Add($"SQLite-only syntax: {what}.");
            }
        }

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(script), out var errors);
        problems.AddRange(errors.Select(e => string.Create(CultureInfo.InvariantCulture, $"T-SQL does not parse at line {e.Line}: {e.Message}")));
        if (fragment is not TSqlScript parsed)
        {
            return problems;
        }

        var identifiers = new LongIdentifiers();
        parsed.Accept(identifiers);
        problems.AddRange(identifiers.Found.Distinct().Select(i => $"Identifier longer than {MaxIdentifierLength} characters: {i[..40]}…"));

        foreach (var batch in parsed.Batches)
        {
            problems.AddRange(ReviewBatch(batch));
        }

        return problems;
    }

    /// <summary>Problems of one batch (the text between two GO lines).</summary>
    private static IEnumerable<string> ReviewBatch(TSqlBatch batch)
    {
        var leaves = batch.Statements.SelectMany(Leaves).ToList();

        // CREATE VIEW, PROCEDURE, FUNCTION, TRIGGER and SCHEMA must be alone in their batch; inside an idempotent
        // script's IF block they must go through EXEC.
        foreach (var statement in leaves.Where(MustBeAloneInBatch))
        {
            if (batch.Statements.Count != 1 || !ReferenceEquals(batch.Statements[0], statement))
            {
                yield return $"{statement.GetType().Name} at line {statement.StartLine} must be alone in its batch (or run through EXEC).";
            }
        }

        // A batch is compiled whole before it runs: a column added by ALTER TABLE in the batch does not exist yet when
        // a later statement of the same batch that reads or writes it is compiled ("Invalid column name"), which is
        // what breaks idempotent scripts where a whole migration is one batch. Such statements go through EXEC.
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in leaves)
        {
            if (statement is AlterTableAddTableElementStatement add)
            {
                foreach (var column in add.Definition.ColumnDefinitions)
                {
                    added.Add(column.ColumnIdentifier.Value);
                }

                continue;
            }

            var compiledAgainstColumns = statement is UpdateStatement or InsertStatement or DeleteStatement or SelectStatement or MergeStatement
                || statement is CreateIndexStatement { FilterPredicate: not null };
            if (!compiledAgainstColumns || added.Count == 0)
            {
                continue;
            }

            var columns = new ColumnReferences();
            statement.Accept(columns);
            foreach (var name in columns.Names.Where(added.Contains).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                yield return $"Line {statement.StartLine} uses column [{name}], added earlier in the same batch: SQL Server cannot compile it (wrap it in EXEC or end the batch with GO).";
            }
        }
    }

    /// <summary>Problems of the relational model SQL Server will be given.</summary>
    public static IReadOnlyList<string> ReviewModel(IRelationalModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<string>();
        foreach (var table in model.Tables)
        {
            foreach (var name in new[] { table.Name }.Concat(table.Columns.Select(c => c.Name)).Concat(table.Indexes.Select(i => i.Name))
                         .Concat(table.ForeignKeyConstraints.Select(f => f.Name)).Concat(table.UniqueConstraints.Select(u => u.Name)))
            {
                if (name.Length > MaxIdentifierLength)
                {
                    problems.Add($"Identifier longer than {MaxIdentifierLength} characters in table {table.Name}: {name[..40]}…");
                }
            }

            foreach (var key in table.UniqueConstraints)
            {
                var limit = key.GetIsPrimaryKey() ? MaxClusteredKeyBytes : MaxNonclusteredKeyBytes;
                problems.AddRange(KeyProblems($"{table.Name}.{key.Name}", key.Columns, limit));
                if (!key.GetIsPrimaryKey() && key.Columns.Any(c => c.IsNullable))
                {
                    problems.Add($"{table.Name}.{key.Name}: a unique constraint on a nullable column allows one NULL only on SQL Server.");
                }
            }

            foreach (var index in table.Indexes)
            {
                problems.AddRange(KeyProblems($"{table.Name}.{index.Name}", index.Columns, MaxNonclusteredKeyBytes));

                // SQLite's unique indexes allow any number of NULLs; SQL Server's allow one unless filtered.
                if (index.IsUnique && index.Columns.Any(c => c.IsNullable) && string.IsNullOrWhiteSpace(index.Filter))
                {
                    problems.Add($"{table.Name}.{index.Name}: unique on a nullable column without a filter (WHERE … IS NOT NULL) allows one NULL only.");
                }
            }
        }

        problems.AddRange(CascadeProblems(model));
        return problems;
    }

    private static IEnumerable<string> KeyProblems(string what, IEnumerable<IColumn> columns, int limit)
    {
        var bytes = 0;
        foreach (var column in columns)
        {
            var size = KeyBytes(column.StoreType);
            if (size is null)
            {
                yield return $"{what}: column {column.Name} of type {column.StoreType} cannot be an index key.";
                continue;
            }

            bytes += size.Value;
        }

        if (bytes > limit)
        {
            yield return $"{what}: key of {bytes} bytes, over SQL Server's {limit}.";
        }
    }

    /// <summary>The widest a value of the type is in an index key, or null for a type that cannot be a key.</summary>
    internal static int? KeyBytes(string storeType)
    {
        var type = storeType.Trim().ToLowerInvariant();
        var sized = SizedType().Match(type);
        if (sized.Success)
        {
            if (sized.Groups["size"].Value == "max")
            {
                return null;
            }

            var n = int.Parse(sized.Groups["size"].Value, CultureInfo.InvariantCulture);
            return sized.Groups["name"].Value.StartsWith('n') ? 2 * n : n;
        }

        return type switch
        {
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "date" => 3,
            "int" or "real" or "smallmoney" => 4,
            "bigint" or "float" or "datetime" or "datetime2" or "money" or "rowversion" or "timestamp" => 8,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            _ when type.StartsWith("decimal", StringComparison.Ordinal) || type.StartsWith("numeric", StringComparison.Ordinal) => 17,
            _ when type.StartsWith("datetime2", StringComparison.Ordinal) => 8,
            _ when type.StartsWith("datetimeoffset", StringComparison.Ordinal) => 10,
            _ => null,
        };
    }

    /// <summary>SQL Server refuses a foreign key whose ON DELETE action (CASCADE, SET NULL, SET DEFAULT) would give a
    /// table two cascade paths from one table, or a cycle.</summary>
    private static IEnumerable<string> CascadeProblems(IRelationalModel model)
    {
        var edges = model.Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(f => f.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .Select(f => (From: f.PrincipalTable.Name, To: f.Table.Name, f.Name))
            .ToList();
        var reported = new HashSet<string>();
        foreach (var root in edges.Select(e => e.From).Distinct())
        {
            var paths = new Dictionary<string, List<string>>();
            var stack = new Stack<(string Table, string Path, HashSet<string> Seen)>();
            stack.Push((root, root, new HashSet<string> { root }));
            while (stack.Count > 0)
            {
                var (table, path, seen) = stack.Pop();
                foreach (var edge in edges.Where(e => e.From == table))
                {
                    var next = $"{path} -[{edge.Name}]-> {edge.To}";
                    if (seen.Contains(edge.To))
                    {
                        if (reported.Add(next))
                        {
                            yield return $"Cascade cycle: {next}.";
                        }

                        continue;
                    }

                    (paths.TryGetValue(edge.To, out var list) ? list : paths[edge.To] = []).Add(next);
                    stack.Push((edge.To, next, [.. seen, edge.To]));
                }
            }

            foreach (var (table, list) in paths.Where(p => p.Value.Count > 1))
            {
                if (reported.Add($"{root}->{table}"))
                {
                    yield return $"Multiple cascade paths from {root} to {table}: {string.Join(" | ", list)}.";
                }
            }
        }
    }

    private static readonly (string Pattern, string What)[] SqliteOnly =
    [
        (@"\bAUTOINCREMENT\b", "AUTOINCREMENT"),
        (@"\bRETURNING\b", "RETURNING"),
        (@"\bON\s+CONFLICT\b", "ON CONFLICT (upsert)"),
        (@"datetime\s*\(\s*'now'", "datetime('now')"),
        (@"\bPRAGMA\b", "PRAGMA"),
        (@"\bWITHOUT\s+ROWID\b", "WITHOUT ROWID"),
        (@"\bINTEGER\s+PRIMARY\s+KEY\b", "INTEGER PRIMARY KEY"),
        (@"\bIF\s+NOT\s+EXISTS\s+""", "CREATE … IF NOT EXISTS"),
    ];

    [GeneratedRegex(@"^(?<name>n?var(char|binary)|n?char|varbinary|binary)\s*\(\s*(?<size>max|\d+)\s*\)$")]
    private static partial Regex SizedType();

    private static bool MustBeAloneInBatch(TSqlStatement statement) =>
        statement is CreateViewStatement or AlterViewStatement or CreateOrAlterViewStatement
            or CreateProcedureStatement or AlterProcedureStatement or CreateOrAlterProcedureStatement
            or CreateFunctionStatement or AlterFunctionStatement or CreateOrAlterFunctionStatement
            or CreateTriggerStatement or AlterTriggerStatement or CreateOrAlterTriggerStatement
            or CreateSchemaStatement;

    /// <summary>A statement and, for IF, BEGIN … END and TRY … CATCH, the statements inside it, in order.</summary>
    private static IEnumerable<TSqlStatement> Leaves(TSqlStatement statement) => statement switch
    {
        IfStatement s => new[] { s.ThenStatement, s.ElseStatement }.Where(x => x is not null).SelectMany(Leaves!),
        BeginEndBlockStatement s => s.StatementList.Statements.SelectMany(Leaves),
        TryCatchStatement s => s.TryStatements.Statements.Concat(s.CatchStatements.Statements).SelectMany(Leaves),
        WhileStatement s => Leaves(s.Statement),
        _ => [statement],
    };

    private sealed class LongIdentifiers : TSqlFragmentVisitor
    {
        public List<string> Found { get; } = [];

        public override void Visit(Identifier node)
        {
            if (node.Value?.Length > MaxIdentifierLength)
            {
                Found.Add(node.Value);
            }
        }
    }

    private sealed class ColumnReferences : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.MultiPartIdentifier?.Identifiers.Count > 0)
            {
                Names.Add(node.MultiPartIdentifier.Identifiers[^1].Value);
            }
        }
    }
}
