using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// Selects decided by an enclosing select's condition (ExprGraph.Assumptions): folded where the condition settles
/// them, also through arithmetic, and left alone where IEEE comparisons with NaN leave them open.
/// </summary>
public class SelectAssumptionTests
{
    [Fact]
    public void ANestedSelectTheOuterConditionDecidesTakesItsBranch()
    {
        var g = new ExprGraph();
        int u = g.Input(0), a = g.Input(1), b = g.Input(2), c = g.Input(3), zero = g.Const(0);
        int isZero = g.Compare(Op.Equal, zero, u);      // written 0 == u
        int positive = g.Compare(Op.Greater, u, zero);  // u > 0
        // Under u == 0, u > 0 is false: the inner select is b, also inside a sum.
        Assert.Equal(g.Select(isZero, b, c), g.Select(isZero, g.Select(positive, a, b), c));
        Assert.Equal(g.Select(isZero, g.Add(b, a), c), g.Select(isZero, g.Add(g.Select(positive, a, b), a), c));
        // Under u > 0, u == 0 is false and u >= 0 is true (the mirrored 0 <= u too).
        Assert.Equal(g.Select(positive, b, c), g.Select(positive, g.Select(isZero, a, b), c));
        Assert.Equal(g.Select(positive, a, c), g.Select(positive, g.Select(g.Compare(Op.LessEqual, zero, u), a, b), c));
        // When u != 0 is false, u == 0 holds.
        int nonZero = g.Compare(Op.NotEqual, u, zero);
        Assert.Equal(g.Select(nonZero, c, a), g.Select(nonZero, c, g.Select(isZero, a, b)));
        // max(0, u) under u == 0 keeps its node while derivatives are taken: its derivative at the tie is not 0's.
        int kept = g.Max(zero, u);
        Assert.Equal(kept, g[g.Select(isZero, kept, c)].B);
    }

    [Fact]
    public void AfterDifferentiationAMaxOfEqualOperandsBecomesItsConstant()
    {
        var g = new ExprGraph { ValueRewrites = true };
        int u = g.Input(0), c = g.Input(3), zero = g.Const(0);
        int isZero = g.Compare(Op.Equal, zero, u);
        Assert.Equal(g.Select(isZero, zero, c), g.Select(isZero, g.Max(zero, u), c));
        Assert.Equal(g.Select(isZero, zero, c), g.Select(isZero, g.Min(u, zero), c));
    }

    [Fact]
    public void NothingIsDecidedThatNaNLeavesOpen()
    {
        var g = new ExprGraph();
        int u = g.Input(0), a = g.Input(1), b = g.Input(2), c = g.Input(3), zero = g.Const(0);
        int positive = g.Compare(Op.Greater, u, zero);
        int isZero = g.Compare(Op.Equal, u, zero);
        int negative = g.Compare(Op.Less, u, zero);
        // u > 0 false: u may be 0, negative or NaN, so neither u == 0 nor u < 0 is decided.
        int inner = g.Select(isZero, a, b);
        Assert.Equal(inner, g[g.Select(positive, c, inner)].C);
        int innerNegative = g.Select(negative, a, b);
        Assert.Equal(innerNegative, g[g.Select(positive, c, innerNegative)].C);
        // u == 0 false does not make u != 0's siblings known: u < 0 stays open.
        Assert.Equal(innerNegative, g[g.Select(isZero, c, innerNegative)].C);
        // u >= 0 true does not decide u > 0 (it may be equal).
        int inner2 = g.Select(positive, a, b);
        Assert.Equal(inner2, g[g.Select(g.Compare(Op.GreaterEqual, u, zero), inner2, c)].B);
    }
}
