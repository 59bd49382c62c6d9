namespace Finiex.Sdk.Catalog;

public enum ParameterKind
{
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>Any finite number.</summary>
    Number,
    /// <summary>One text value out of a fixed list.</summary>
    Choice,
}
