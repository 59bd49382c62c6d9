// The entry point of a plug-in assembly holding the examples: docs/extending.md explains it.
using Finiex.Sdk.Catalog;

namespace Finiex.Examples;

/// <summary>Finiex creates this class when it loads the assembly and calls <see cref="Register"/>.</summary>
public sealed class ExamplePlugin : IPlugin
{
    public void Register(ITypeRegistry types)
    {
        types.Add(MomentumWorker.Registration);
        types.Add(RsiExtremes.Registration);
        types.Add(BuyTheDip.Registration);
    }
}
