namespace LossGen;

/// <summary>How the per-element losses l_i of a <see cref="LossAttribute"/> method are combined.</summary>
public enum Reduction
{
    /// <summary>Returns (1/n) Σ l_i (NaN when n = 0); gradients are scaled by 1/n.</summary>
    Mean = 0,

    /// <summary>Returns Σ l_i (0 when n = 0); gradients are not scaled.</summary>
    Sum = 1,

    /// <summary>Writes l_i into the <c>Span&lt;T&gt; loss</c> parameter and returns nothing.</summary>
    None = 2,
}
