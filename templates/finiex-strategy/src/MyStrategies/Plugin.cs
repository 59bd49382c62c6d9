using Finiex.Sdk.Catalog;

namespace MyStrategies;

/// <summary>What Finiex calls when it loads the plug-in: add every worker, decision logic and strategy type here.</summary>
public sealed class Plugin : IPlugin
{
    public void Register(ITypeRegistry types)
    {
        types.Add(RangeBreakout.Registration);
    }
}
