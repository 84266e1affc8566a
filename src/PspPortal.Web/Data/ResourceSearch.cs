using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PspPortal.Web.Data;

/// <summary>One hit of the Clearinghouse's full-text search: a resource and its rank (lower is better).</summary>
public sealed record ResourceHit(int Id, double Rank);

/// <summary>
/// The Clearinghouse's full-text search, the one place that knows how each database provider searches text
/// (docs/adr/0011). On SQLite an external-content FTS5 table (<see cref="SqliteTable"/>) indexes the title and summary of
/// every resource, kept in step by the triggers of <see cref="SqliteSchema"/>, and ranks with bm25 (a word in the title
/// weighs ten times one in the summary). On SQL Server a full-text index on the same columns is searched with
/// CONTAINSTABLE. What a person types never reaches either engine as syntax: <see cref="SafeQuery"/> keeps only
/// words, quotes each as a prefix term and joins them with AND, and the result is passed as a parameter.
/// </summary>
public static class ResourceSearch
{
    public const string SqliteTable = "ResourceSearch";

    /// <summary>At most this many words of the text are searched; the rest is ignored.</summary>
    public const int MaxTerms = 12;

    /// <summary>The FTS5 table and its triggers, created by the migration ClearinghouseToolkitsPeerExchangesMap.</summary>
    public const string SqliteSchema = """
        CREATE VIRTUAL TABLE "ResourceSearch" USING fts5("Title", "Summary", content='Resources', content_rowid='Id', tokenize='porter unicode61 remove_diacritics 2');
        CREATE TRIGGER "Resources_ai" AFTER INSERT ON "Resources" BEGIN
            INSERT INTO "ResourceSearch"(rowid, "Title", "Summary") VALUES (new."Id", new."Title", new."Summary");
        END;
        CREATE TRIGGER "Resources_ad" AFTER DELETE ON "Resources" BEGIN
            INSERT INTO "ResourceSearch"("ResourceSearch", rowid, "Title", "Summary") VALUES ('delete', old."Id", old."Title", old."Summary");
        END;
        CREATE TRIGGER "Resources_au" AFTER UPDATE OF "Title", "Summary" ON "Resources" BEGIN
            INSERT INTO "ResourceSearch"("ResourceSearch", rowid, "Title", "Summary") VALUES ('delete', old."Id", old."Title", old."Summary");
            INSERT INTO "ResourceSearch"(rowid, "Title", "Summary") VALUES (new."Id", new."Title", new."Summary");
        END;
        INSERT INTO "ResourceSearch"("ResourceSearch") VALUES ('rebuild');
        """;

    public const string SqliteDropSchema = """
        DROP TRIGGER IF EXISTS "Resources_au";
        DROP TRIGGER IF EXISTS "Resources_ad";
        DROP TRIGGER IF EXISTS "Resources_ai";
        DROP TABLE IF EXISTS "ResourceSearch";
        """;

    /// <summary>The full-text catalog and index of SQL Server's search (docs/adr/0011), made by its initial migration
    /// outside a transaction (SQL Server refuses full-text DDL inside one). Where full-text search is not installed the
    /// statements are skipped and the search takes its LIKE branch.</summary>
    public const string SqlServerSchema = """
        IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'PspPortalCatalog')
                EXEC(N'CREATE FULLTEXT CATALOG [PspPortalCatalog]');
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[Resources]'))
                EXEC(N'CREATE FULLTEXT INDEX ON [Resources] ([Title], [Summary]) KEY INDEX [PK_Resources] ON [PspPortalCatalog] WITH CHANGE_TRACKING AUTO');
        END
        """;

    public const string SqlServerDropSchema = """
        IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[Resources]'))
            EXEC(N'DROP FULLTEXT INDEX ON [Resources]');
        IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'PspPortalCatalog')
            EXEC(N'DROP FULLTEXT CATALOG [PspPortalCatalog]');
        """;

    /// <summary>The words of <paramref name="text"/> (letters and digits, at most <see cref="MaxTerms"/>), or none.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            Flush();
            if (terms.Count == MaxTerms)
            {
                break;
            }
        }

        Flush();
        return terms.Take(MaxTerms).ToList();

        void Flush()
        {
            if (word.Length > 0)
            {
                terms.Add(word.ToString().ToLowerInvariant());
                word.Clear();
            }
        }
    }

    /// <summary>The FTS5 query of the words: each a quoted prefix term ("word"*), all of them required. Words are only
    /// letters and digits, so no quote, operator or column filter can come through; NEAR, AND, OR, NOT are plain words.</summary>
    public static string? SafeQuery(string? text)
    {
        var terms = Terms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => $"\"{t}\"*"));
    }

    /// <summary>The same words as a SQL Server CONTAINS condition: "word*" AND "word*".</summary>
    public static string? SqlServerQuery(string? text)
    {
        var terms = Terms(text);
        return terms.Count == 0 ? null : string.Join(" AND ", terms.Select(t => $"\"{t}*\""));
    }

    /// <summary>The resources whose title or summary has every word of <paramref name="text"/>, with their rank; null
    /// when the text has no word to search (the caller then lists without ranking).</summary>
    public static IQueryable<ResourceHit>? Hits(PortalDbContext db, string? text)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            return SafeQuery(text) is { } query
                ? db.Database.SqlQuery<ResourceHit>($"""SELECT rowid AS "Id", bm25("ResourceSearch", 10.0, 1.0) AS "Rank" FROM "ResourceSearch" WHERE "ResourceSearch" MATCH {query}""")
                : null;
        }

        // SQL Server: CONTAINSTABLE over the full-text index on Resources(Title, Summary); its RANK grows with
        // relevance, so it is negated to sort like bm25. See docs/adr/0011 for the index and the LIKE fallback.
        return SqlServerQuery(text) is { } condition
            ? db.Database.SqlQuery<ResourceHit>($"""SELECT [KEY] AS [Id], CAST(-[RANK] AS float) AS [Rank] FROM CONTAINSTABLE([Resources], ([Title], [Summary]), {condition})""")
            : null;
    }
}
