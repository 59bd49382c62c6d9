using System.Security.Cryptography;
using System.Text;

namespace Finiex.Protocol.Security;

/// <summary>
/// The per-run random key both sides of a runner connection prove they hold. It reaches a runner through its
/// environment (<see cref="Variable"/>), never its command line: <c>ps</c> shows arguments to every user, a process's
/// environment only to its owner. Proofs are HMAC-SHA256 over both sides' nonces, so neither can be replayed.
/// </summary>
public sealed class RunSecret
{
    public const string Variable = "FINIEX_RUN_SECRET";
    private const int KeyBytes = 32;
    private readonly byte[] _key;

    private RunSecret(byte[] key) => _key = key;

    public static RunSecret Create() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The secret as it travels in the environment.</summary>
    public string Encoded => Convert.ToBase64String(_key);

    public static RunSecret? Decode(string? encoded)
    {
        try
        {
            return encoded is { Length: > 0 } && Convert.FromBase64String(encoded) is { Length: KeyBytes } key ? new RunSecret(key) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>What a runner sends: proof for this parent's challenge, bound to the run and runner it claims to be.</summary>
    public byte[] RunnerProof(string parentNonce, string runnerNonce, string runId, string runnerId) =>
        Mac($"finiex-runner\n{parentNonce}\n{runnerNonce}\n{runId}\n{runnerId}");

    /// <summary>What the parent sends back when it accepts.</summary>
    public byte[] ParentProof(string parentNonce, string runnerNonce) => Mac($"finiex-parent\n{parentNonce}\n{runnerNonce}");

    public static bool Same(byte[] expected, byte[] received) => CryptographicOperations.FixedTimeEquals(expected, received);

    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private byte[] Mac(string text) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));
}
