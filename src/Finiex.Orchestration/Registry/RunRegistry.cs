using System.Globalization;
using Finiex.Orchestration.Service;
using Microsoft.Data.Sqlite;

namespace Finiex.Orchestration.Registry;

/// <summary>
/// The registry of batch jobs in an embedded SQLite database (one file, beside the results folders): runs, their stage
/// history and where their results are survive a restart. Opening it marks every run that was still going as failed,
/// with the reason and the command that continues it, since no process runs it any more. Safe to use from several
/// threads (one connection per call; SQLite serialises writers, WAL lets readers go on).
/// </summary>
public sealed class RunRegistry
{
    public const string FileName = "runs.db";
    private const int SchemaVersion = 1;
    private readonly string _connectionString;

    private RunRegistry(string path) =>
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();

    /// <summary>Opens (or creates) the registry; runs left unfinished by a previous process are marked failed.</summary>
    public static RunRegistry Open(string path, DateTimeOffset? now = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var registry = new RunRegistry(path);
        using var connection = registry.Connect();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS runs (
                id TEXT PRIMARY KEY,
                set_name TEXT NOT NULL,
                set_file TEXT NOT NULL,
                stage TEXT NOT NULL,
                progress REAL NOT NULL,
                message TEXT NOT NULL,
                error TEXT,
                results_folder TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                finished_at TEXT);
            CREATE INDEX IF NOT EXISTS runs_by_creation ON runs (created_at);
            CREATE TABLE IF NOT EXISTS run_stages (
                run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                stage TEXT NOT NULL,
                at TEXT NOT NULL);
            """);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"{path} was written by a newer Finiex (registry schema {version}, this one reads {SchemaVersion}): upgrade Finiex, or point it at another folder.");
        }

        Execute(connection, $"PRAGMA user_version = {SchemaVersion}");
        registry.FailUnfinished(connection, now ?? DateTimeOffset.UtcNow);
        return registry;
    }

    public void Add(RunRecord run)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        Execute(connection, """
            INSERT INTO runs (id, set_name, set_file, stage, progress, message, error, results_folder, created_at, updated_at, finished_at)
            VALUES ($id, $set_name, $set_file, $stage, $progress, $message, $error, $results_folder, $created_at, $updated_at, $finished_at)
            """, Parameters(run));
        Execute(connection, "INSERT INTO run_stages (run_id, stage, at) VALUES ($id, $stage, $at)",
            ("$id", run.Id), ("$stage", Name(run.Stage)), ("$at", Text(run.CreatedAt)));
        transaction.Commit();
    }

    /// <summary>Saves the run's new state; a change of stage is added to its history.</summary>
    public void Update(RunRecord run)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var before = Scalar(connection, "SELECT stage FROM runs WHERE id = $id", ("$id", run.Id)) as string
                     ?? throw new KeyNotFoundException($"No run {run.Id} in the registry.");
        Execute(connection, """
            UPDATE runs SET stage = $stage, progress = $progress, message = $message, error = $error, results_folder = $results_folder,
                updated_at = $updated_at, finished_at = $finished_at
            WHERE id = $id
            """, Parameters(run));
        if (before != Name(run.Stage))
        {
            Execute(connection, "INSERT INTO run_stages (run_id, stage, at) VALUES ($id, $stage, $at)",
                ("$id", run.Id), ("$stage", Name(run.Stage)), ("$at", Text(run.UpdatedAt)));
        }

        transaction.Commit();
    }

    public RunRecord? Get(string id)
    {
        using var connection = Connect();
        return Query(connection, "SELECT * FROM runs WHERE id = $id", ("$id", id)).SingleOrDefault();
    }

    /// <summary>Runs newest first, optionally only those in <paramref name="stage"/>.</summary>
    public IReadOnlyList<RunRecord> List(int limit = 100, int offset = 0, BatchStage? stage = null)
    {
        using var connection = Connect();
        return stage is { } only
            ? Query(connection, "SELECT * FROM runs WHERE stage = $stage ORDER BY created_at DESC, id LIMIT $limit OFFSET $offset",
                ("$stage", Name(only)), ("$limit", limit), ("$offset", offset))
            : Query(connection, "SELECT * FROM runs ORDER BY created_at DESC, id LIMIT $limit OFFSET $offset", ("$limit", limit), ("$offset", offset));
    }

    /// <summary>How many runs are in each stage (stages without runs left out).</summary>
    public IReadOnlyList<(BatchStage Stage, int Count)> CountByStage()
    {
        using var connection = Connect();
        using var command = Command(connection, "SELECT stage, COUNT(*) FROM runs GROUP BY stage");
        using var reader = command.ExecuteReader();
        var counts = new List<(BatchStage, int)>();
        while (reader.Read())
        {
            counts.Add((Stage(reader.GetString(0)), reader.GetInt32(1)));
        }

        return counts;
    }

    public IReadOnlyList<StageChange> Stages(string id)
    {
        using var connection = Connect();
        using var command = Command(connection, "SELECT stage, at FROM run_stages WHERE run_id = $id ORDER BY rowid", ("$id", id));
        using var reader = command.ExecuteReader();
        var stages = new List<StageChange>();
        while (reader.Read())
        {
            stages.Add(new StageChange(Stage(reader.GetString(0)), Time(reader.GetString(1))));
        }

        return stages;
    }

    /// <summary>Forgets a finished run (its results folder is not touched); false when there is no such finished run.</summary>
    public bool Remove(string id)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var stage = Scalar(connection, "SELECT stage FROM runs WHERE id = $id", ("$id", id)) as string;
        if (stage is null || !Stage(stage).IsFinal())
        {
            return false;
        }

        Execute(connection, "DELETE FROM run_stages WHERE run_id = $id", ("$id", id));
        Execute(connection, "DELETE FROM runs WHERE id = $id", ("$id", id));
        transaction.Commit();
        return true;
    }

    private void FailUnfinished(SqliteConnection connection, DateTimeOffset now)
    {
        var unfinished = Query(connection, "SELECT * FROM runs WHERE stage NOT IN ('completed', 'failed', 'canceled')");
        foreach (var run in unfinished)
        {
            var resume = run.ResultsFolder is { } folder ? $"finiex run --resume {folder} goes on with it" : $"run it again: finiex run {run.SetFile}";
            Update(run with
            {
                Stage = BatchStage.Failed,
                Error = $"The server stopped while this run was {Name(run.Stage).Replace('_', ' ')}; {resume}.",
                UpdatedAt = now,
                FinishedAt = now,
            });
        }
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static List<RunRecord> Query(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            string? Optional(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));
            runs.Add(new RunRecord
            {
                Id = reader.GetString(reader.GetOrdinal("id")),
                SetName = reader.GetString(reader.GetOrdinal("set_name")),
                SetFile = reader.GetString(reader.GetOrdinal("set_file")),
                Stage = Stage(reader.GetString(reader.GetOrdinal("stage"))),
                Progress = reader.GetDouble(reader.GetOrdinal("progress")),
                Message = reader.GetString(reader.GetOrdinal("message")),
                Error = Optional("error"),
                ResultsFolder = Optional("results_folder"),
                CreatedAt = Time(reader.GetString(reader.GetOrdinal("created_at"))),
                UpdatedAt = Time(reader.GetString(reader.GetOrdinal("updated_at"))),
                FinishedAt = Optional("finished_at") is { } finished ? Time(finished) : null,
            });
        }

        return runs;
    }

    private static (string, object?)[] Parameters(RunRecord run) =>
    [
        ("$id", run.Id), ("$set_name", run.SetName), ("$set_file", run.SetFile), ("$stage", Name(run.Stage)), ("$progress", run.Progress),
        ("$message", run.Message), ("$error", run.Error), ("$results_folder", run.ResultsFolder), ("$created_at", Text(run.CreatedAt)),
        ("$updated_at", Text(run.UpdatedAt == default ? run.CreatedAt : run.UpdatedAt)), ("$finished_at", run.FinishedAt is { } f ? Text(f) : null),
    ];

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>Stages as the database and the API spell them: snake_case names.</summary>
    private static string Name(BatchStage stage) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(stage.ToString());

    private static BatchStage Stage(string name) => Enum.Parse<BatchStage>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
