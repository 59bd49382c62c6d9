namespace Finiex.Protocol;

/// <summary>
/// The parent–runner protocol version. Both sides send it in the handshake; a mismatch is refused.
/// History (one line per version):
///   1 — handshake, run request, progress, log batch, result, heartbeat, cancel, shutdown; frames [u8 kind][i32 LE length][MessagePack body].
///   2 — error info carries a failure kind (enum) and the exception type apart; heartbeats carry the loop's checkpoint count.
///   3 — the symbol carries its stops level; statistics carry requests dropped and rejected (the trading API of SEMANTICS §10).
///   4 — packages name the plug-in assemblies a scenario runs with (path, assembly, version, SHA-256); results record them.
///   5 — a run request carries a list of packages (a fused sweep) and is answered by one result frame per scenario.
///   6 — the parent challenges first; the runner proves the run's secret (HMAC over both nonces) and names its run, runner id,
///       host and Slurm placement; the parent proves it back; the parent heartbeats idle runners (parent death = silence or EOF);
///       a run request may carry shipped tick columns.
/// </summary>
public static class ProtocolVersion
{
    public const int Current = 6;

    /// <summary>Frames larger than this are refused as malformed (a result with a full bar trace stays far below).</summary>
    public const int MaxFrameBytes = 256 * 1024 * 1024;

    /// <summary>Identifies the build: the protocol assembly's version and module id, so two different builds never talk.</summary>
    public static string BuildId { get; } =
        $"{typeof(ProtocolVersion).Assembly.GetName().Version}+{typeof(ProtocolVersion).Assembly.ManifestModule.ModuleVersionId:N}";
}
