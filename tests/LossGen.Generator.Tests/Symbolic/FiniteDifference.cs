using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>Central finite differences in double with one Richardson step, evaluated on the value DAG only.</summary>
internal static class FiniteDifference
{
    public static double Derivative(ExprGraph g, int value, Dictionary<int, double> point, int parameter, double h)
    {
        double D(double step)
        {
            var plus = new Dictionary<int, double>(point) { [parameter] = point[parameter] + step };
            var minus = new Dictionary<int, double>(point) { [parameter] = point[parameter] - step };
            return (GraphEvaluator.Evaluate(g, plus)[value] - GraphEvaluator.Evaluate(g, minus)[value]) / (2 * step);
        }
        return (4 * D(h / 2) - D(h)) / 3;
    }
}
