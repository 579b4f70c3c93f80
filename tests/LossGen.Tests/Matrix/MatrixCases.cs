// The independent references of the compile-and-run matrix: each loss's per-element value as a
// hand-written closed form in double. Gradients are central finite differences of these.
namespace LossGen.Tests.Matrix;

internal delegate float FloatLoss(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);
internal delegate double DoubleLoss(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);
internal delegate float FloatSum(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);
internal delegate void FloatNone(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp, Span<float> dy);
internal delegate void DoubleNone(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp, Span<double> dy);

internal sealed record MatrixCase(string Name, string Formula, Func<double, double, double> Reference, FloatLoss Float, DoubleLoss Double);

internal static class MatrixCases
{
    public static readonly MatrixCase[] All =
    {
        new("Add", "p + y", (p, y) => p + y, MatrixLosses.AddF, MatrixLosses.AddD),
        new("Sub", "p - y", (p, y) => p - y, MatrixLosses.SubF, MatrixLosses.SubD),
        new("Mul", "p * y", (p, y) => p * y, MatrixLosses.MulF, MatrixLosses.MulD),
        new("Div", "p / y", (p, y) => p / y, MatrixLosses.DivF, MatrixLosses.DivD),
        new("NegMul", "-p * y", (p, y) => -p * y, MatrixLosses.NegMulF, MatrixLosses.NegMulD),
        new("UnaryPlus", "+p * y", (p, y) => p * y, MatrixLosses.UnaryPlusF, MatrixLosses.UnaryPlusD),
        new("Exp", "exp(p)", (p, y) => Math.Exp(p), MatrixLosses.ExpF, MatrixLosses.ExpD),
        new("Log", "log(p)", (p, y) => Math.Log(p), MatrixLosses.LogF, MatrixLosses.LogD),
        new("Log1p", "log1p(p)", (p, y) => Math.Log(1 + p), MatrixLosses.Log1pF, MatrixLosses.Log1pD),
        new("Sqrt", "sqrt(p)", (p, y) => Math.Sqrt(p), MatrixLosses.SqrtF, MatrixLosses.SqrtD),
        new("Tanh", "tanh(p)", (p, y) => Math.Tanh(p), MatrixLosses.TanhF, MatrixLosses.TanhD),
        new("Abs", "abs(p - y)", (p, y) => Math.Abs(p - y), MatrixLosses.AbsF, MatrixLosses.AbsD),
        new("Sign", "sign(p - y) * p", (p, y) => Math.Sign(p - y) * p, MatrixLosses.SignF, MatrixLosses.SignD),
        new("Sigmoid", "sigmoid(p)", (p, y) => 1 / (1 + Math.Exp(-p)), MatrixLosses.SigmoidF, MatrixLosses.SigmoidD),
        new("Softplus", "softplus(p)", (p, y) => Math.Log(1 + Math.Exp(p)), MatrixLosses.SoftplusF, MatrixLosses.SoftplusD),
        new("Min", "min(p, y)", (p, y) => Math.Min(p, y), MatrixLosses.MinF, MatrixLosses.MinD),
        new("Max", "max(p, y)", (p, y) => Math.Max(p, y), MatrixLosses.MaxF, MatrixLosses.MaxD),
        new("Clamp", "clamp(p, 0.5, 1.5)", (p, y) => Math.Clamp(p, 0.5, 1.5), MatrixLosses.ClampF, MatrixLosses.ClampD),
        new("Pow", "pow(p, y)", (p, y) => Math.Pow(p, y), MatrixLosses.PowF, MatrixLosses.PowD),
        new("Cube", "p ^ 3", (p, y) => p * p * p, MatrixLosses.CubeF, MatrixLosses.CubeD),
        new("InverseSquare", "p ^ -2", (p, y) => 1 / (p * p), MatrixLosses.InverseSquareF, MatrixLosses.InverseSquareD),
        new("SqrtPower", "p ^ 0.5", (p, y) => Math.Sqrt(p), MatrixLosses.SqrtPowerF, MatrixLosses.SqrtPowerD),
        new("PowerOneAndHalf", "p ^ 1.5", (p, y) => Math.Pow(p, 1.5), MatrixLosses.PowerOneAndHalfF, MatrixLosses.PowerOneAndHalfD),
        new("Xlogy", "xlogy(y, p)", (p, y) => y * Math.Log(p), MatrixLosses.XlogyF, MatrixLosses.XlogyD),
        new("Conditional", "p > y ? exp(p) : log(y)", (p, y) => p > y ? Math.Exp(p) : Math.Log(y), MatrixLosses.ConditionalF, MatrixLosses.ConditionalD),
        new("AndOr", "p < 1 && y > 0.5 || p > 1.5 ? p * y : p + y", (p, y) => (p < 1 && y > 0.5) || p > 1.5 ? p * y : p + y, MatrixLosses.AndOrF, MatrixLosses.AndOrD),
        new("Not", "!(p > y) ? p : y", (p, y) => !(p > y) ? p : y, MatrixLosses.NotF, MatrixLosses.NotD),
        new("GreaterEqual", "p >= y ? p : 0", (p, y) => p >= y ? p : 0, MatrixLosses.GreaterEqualF, MatrixLosses.GreaterEqualD),
        new("LessEqual", "p <= y ? p * p : 1", (p, y) => p <= y ? p * p : 1, MatrixLosses.LessEqualF, MatrixLosses.LessEqualD),
        new("Equal", "p == y ? 1 : p * p", (p, y) => p == y ? 1 : p * p, MatrixLosses.EqualF, MatrixLosses.EqualD),
        new("NotEqual", "p != y ? p * p : 1", (p, y) => p != y ? p * p : 1, MatrixLosses.NotEqualF, MatrixLosses.NotEqualD),
        new("Let", "d = p - y; e = d * d; e * y", (p, y) => (p - y) * (p - y) * y, MatrixLosses.LetF, MatrixLosses.LetD),
        new("Pi", "pi * p * y", (p, y) => Math.PI * p * y, MatrixLosses.PiF, MatrixLosses.PiD),
        new("Mse", "(p - y)^2", (p, y) => (p - y) * (p - y), MatrixLosses.MseF, MatrixLosses.MseD),
        new("L1", "abs(p - y)", (p, y) => Math.Abs(p - y), MatrixLosses.L1F, MatrixLosses.L1D),
        new("SmoothL1", "d = abs(p - y); d < 0.5 ? 0.5 * d^2 / 0.5 : d - 0.5 * 0.5", (p, y) => Math.Abs(p - y) < 0.5 ? 0.5 * (p - y) * (p - y) / 0.5 : Math.Abs(p - y) - 0.25, MatrixLosses.SmoothL1F, MatrixLosses.SmoothL1D),
        new("Huber", "d = abs(p - y); d <= 0.7 ? 0.5 * d^2 : 0.7 * (d - 0.5 * 0.7)", (p, y) => Math.Abs(p - y) <= 0.7 ? 0.5 * (p - y) * (p - y) : 0.7 * (Math.Abs(p - y) - 0.35), MatrixLosses.HuberF, MatrixLosses.HuberD),
        new("LogCosh", "d = p - y; d + softplus(-2 * d) - log(2)", (p, y) => Math.Log(Math.Cosh(p - y)), MatrixLosses.LogCoshF, MatrixLosses.LogCoshD),
        new("Pinball", "d = y - p; max(0.3 * d, (0.3 - 1) * d)", (p, y) => Math.Max(0.3 * (y - p), -0.7 * (y - p)), MatrixLosses.PinballF, MatrixLosses.PinballD),
        new("BceProbabilities", "-(xlogy(y / 2, p / 2) + xlogy(1 - y / 2, 1 - p / 2))", (p, y) => -((y / 2) * Math.Log(p / 2) + (1 - y / 2) * Math.Log(1 - p / 2)), MatrixLosses.BceProbabilitiesF, MatrixLosses.BceProbabilitiesD),
        new("BceWithLogits", "max(p, 0) - p * y + softplus(-abs(p))", (p, y) => Math.Log(1 + Math.Exp(p)) - p * y, MatrixLosses.BceWithLogitsF, MatrixLosses.BceWithLogitsD),
        new("Hinge", "max(0, 1 - (2 * y - 2) * p)", (p, y) => Math.Max(0, 1 - (2 * y - 2) * p), MatrixLosses.HingeF, MatrixLosses.HingeD),
        new("SquaredHinge", "max(0, 1 - (2 * y - 2) * p)^2", (p, y) => Math.Pow(Math.Max(0, 1 - (2 * y - 2) * p), 2), MatrixLosses.SquaredHingeF, MatrixLosses.SquaredHingeD),
        new("PoissonLogInput", "exp(p) - y * p", (p, y) => Math.Exp(p) - y * p, MatrixLosses.PoissonLogInputF, MatrixLosses.PoissonLogInputD),
        new("GaussianNll", "0.5 * (log(y) + (p - 1)^2 / y)", (p, y) => 0.5 * (Math.Log(y) + (p - 1) * (p - 1) / y), MatrixLosses.GaussianNllF, MatrixLosses.GaussianNllD),
        new("KlDivergence", "xlogy(y, y) - y * p", (p, y) => y * Math.Log(y) - y * p, MatrixLosses.KlDivergenceF, MatrixLosses.KlDivergenceD),
    };

    public static readonly (string Name, Func<double, double, double> Reference, FloatLoss SumF, DoubleLoss SumD, FloatNone NoneF, DoubleNone NoneD)[] Reductions =
    {
        ("Log", (p, y) => Math.Log(p), MatrixLosses.LogSumF, MatrixLosses.LogSumD, MatrixLosses.LogNoneF, MatrixLosses.LogNoneD),
        ("Sigmoid", (p, y) => 1 / (1 + Math.Exp(-p)), MatrixLosses.SigmoidSumF, MatrixLosses.SigmoidSumD, MatrixLosses.SigmoidNoneF, MatrixLosses.SigmoidNoneD),
        ("Conditional", (p, y) => p > y ? Math.Exp(p) : Math.Log(y), MatrixLosses.ConditionalSumF, MatrixLosses.ConditionalSumD, MatrixLosses.ConditionalNoneF, MatrixLosses.ConditionalNoneD),
        ("BceWithLogits", (p, y) => Math.Log(1 + Math.Exp(p)) - p * y, MatrixLosses.BceWithLogitsSumF, MatrixLosses.BceWithLogitsSumD, MatrixLosses.BceWithLogitsNoneF, MatrixLosses.BceWithLogitsNoneD),
        ("Huber", (p, y) => Math.Abs(p - y) <= 0.7 ? 0.5 * (p - y) * (p - y) : 0.7 * (Math.Abs(p - y) - 0.35), MatrixLosses.HuberSumF, MatrixLosses.HuberSumD, MatrixLosses.HuberNoneF, MatrixLosses.HuberNoneD),
    };
}
