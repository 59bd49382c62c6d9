namespace Finiex.Runner;

/// <summary>
/// Test hook: <c>FINIEX_RUNNER_FAULT=kind:scenario</c> makes the runner misbehave when asked to run that scenario
/// (kind: crash, failfast, exit, stackoverflow, hang, garbage, oversize, ignore-cancel, silent; other-build pretends to be another build at the handshake). Read once at start; unset in production.
/// </summary>
internal sealed record FaultInjection(string Kind, string Scenario)
{
    public static FaultInjection? FromEnvironment() =>
        Environment.GetEnvironmentVariable("FINIEX_RUNNER_FAULT") is { } value && value.Split(':', 2) is [var kind, var scenario]
            ? new FaultInjection(kind, scenario)
            : null;

    public bool AppliesTo(string scenario) => Scenario == "*" || Scenario == scenario;
}
