using System.Text.RegularExpressions;
using LossGen.Generator.Emit;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Tests.Emit;

/// <summary>
/// Every function the kernels call unqualified (the <c>using static</c> VectorMath functions of the op table's vector
/// templates) is a reserved name, so that a parameter or let-binding with that name is renamed instead of shadowing it.
/// </summary>
public class ReservedNameTests
{
    [Fact]
    public void EveryUnqualifiedFunctionOfTheOpTableIsReserved()
    {
        var called = new List<string>();
        foreach (Op op in Enum.GetValues<Op>())
        {
            foreach (Match m in Regex.Matches(OpTable.Of(op).Vector, @"(?<![\w.])([A-Z]\w*)\("))
            {
                called.Add(m.Groups[1].Value);
            }
        }
        Assert.Contains("MultiplySign", called);
        Assert.All(called.Distinct(), name => Assert.Contains(name, Naming.Reserved));
    }
}
