// Declarations of the compile-and-run matrix: one loss per operator, function and standard loss,
// in float and double, with gradients for both inputs. The generator runs on this project.
using LossGen;

// Several single-input functions declare dy on purpose: it must be filled with zeros.
#pragma warning disable LG0030

namespace LossGen.Tests.Matrix;

public static partial class MatrixLosses
{
    [Loss("p + y")]
    public static partial float AddF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p + y")]
    public static partial double AddD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p - y")]
    public static partial float SubF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p - y")]
    public static partial double SubD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p * y")]
    public static partial float MulF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p * y")]
    public static partial double MulD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p / y")]
    public static partial float DivF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p / y")]
    public static partial double DivD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("-p * y")]
    public static partial float NegMulF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("-p * y")]
    public static partial double NegMulD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("+p * y")]
    public static partial float UnaryPlusF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("+p * y")]
    public static partial double UnaryPlusD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("exp(p)")]
    public static partial float ExpF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("exp(p)")]
    public static partial double ExpD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("log(p)")]
    public static partial float LogF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("log(p)")]
    public static partial double LogD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("log1p(p)")]
    public static partial float Log1pF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("log1p(p)")]
    public static partial double Log1pD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("sqrt(p)")]
    public static partial float SqrtF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("sqrt(p)")]
    public static partial double SqrtD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("tanh(p)")]
    public static partial float TanhF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("tanh(p)")]
    public static partial double TanhD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("abs(p - y)")]
    public static partial float AbsF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("abs(p - y)")]
    public static partial double AbsD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("sign(p - y) * p")]
    public static partial float SignF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("sign(p - y) * p")]
    public static partial double SignD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("sigmoid(p)")]
    public static partial float SigmoidF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("sigmoid(p)")]
    public static partial double SigmoidD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("softplus(p)")]
    public static partial float SoftplusF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("softplus(p)")]
    public static partial double SoftplusD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("min(p, y)")]
    public static partial float MinF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("min(p, y)")]
    public static partial double MinD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("max(p, y)")]
    public static partial float MaxF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("max(p, y)")]
    public static partial double MaxD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("clamp(p, 0.5, 1.5)")]
    public static partial float ClampF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("clamp(p, 0.5, 1.5)")]
    public static partial double ClampD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("pow(p, y)")]
    public static partial float PowF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("pow(p, y)")]
    public static partial double PowD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p ^ 3")]
    public static partial float CubeF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p ^ 3")]
    public static partial double CubeD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p ^ -2")]
    public static partial float InverseSquareF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p ^ -2")]
    public static partial double InverseSquareD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p ^ 0.5")]
    public static partial float SqrtPowerF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p ^ 0.5")]
    public static partial double SqrtPowerD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p ^ 1.5")]
    public static partial float PowerOneAndHalfF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p ^ 1.5")]
    public static partial double PowerOneAndHalfD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("xlogy(y, p)")]
    public static partial float XlogyF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("xlogy(y, p)")]
    public static partial double XlogyD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p > y ? exp(p) : log(y)")]
    public static partial float ConditionalF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p > y ? exp(p) : log(y)")]
    public static partial double ConditionalD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p < 1 && y > 0.5 || p > 1.5 ? p * y : p + y")]
    public static partial float AndOrF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p < 1 && y > 0.5 || p > 1.5 ? p * y : p + y")]
    public static partial double AndOrD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("!(p > y) ? p : y")]
    public static partial float NotF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("!(p > y) ? p : y")]
    public static partial double NotD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p >= y ? p : 0")]
    public static partial float GreaterEqualF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p >= y ? p : 0")]
    public static partial double GreaterEqualD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p <= y ? p * p : 1")]
    public static partial float LessEqualF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p <= y ? p * p : 1")]
    public static partial double LessEqualD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p == y ? 1 : p * p")]
    public static partial float EqualF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p == y ? 1 : p * p")]
    public static partial double EqualD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p != y ? p * p : 1")]
    public static partial float NotEqualF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p != y ? p * p : 1")]
    public static partial double NotEqualD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("d = p - y; e = d * d; e * y")]
    public static partial float LetF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("d = p - y; e = d * d; e * y")]
    public static partial double LetD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("pi * p * y")]
    public static partial float PiF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("pi * p * y")]
    public static partial double PiD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("(p - y)^2")]
    public static partial float MseF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("(p - y)^2")]
    public static partial double MseD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("abs(p - y)")]
    public static partial float L1F(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("abs(p - y)")]
    public static partial double L1D(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("d = abs(p - y); d < 0.5 ? 0.5 * d^2 / 0.5 : d - 0.5 * 0.5")]
    public static partial float SmoothL1F(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("d = abs(p - y); d < 0.5 ? 0.5 * d^2 / 0.5 : d - 0.5 * 0.5")]
    public static partial double SmoothL1D(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("d = abs(p - y); d <= 0.7 ? 0.5 * d^2 : 0.7 * (d - 0.5 * 0.7)")]
    public static partial float HuberF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("d = abs(p - y); d <= 0.7 ? 0.5 * d^2 : 0.7 * (d - 0.5 * 0.7)")]
    public static partial double HuberD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("d = p - y; d + softplus(-2 * d) - log(2)")]
    public static partial float LogCoshF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("d = p - y; d + softplus(-2 * d) - log(2)")]
    public static partial double LogCoshD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("d = y - p; max(0.3 * d, (0.3 - 1) * d)")]
    public static partial float PinballF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("d = y - p; max(0.3 * d, (0.3 - 1) * d)")]
    public static partial double PinballD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("-(xlogy(y / 2, p / 2) + xlogy(1 - y / 2, 1 - p / 2))")]
    public static partial float BceProbabilitiesF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("-(xlogy(y / 2, p / 2) + xlogy(1 - y / 2, 1 - p / 2))")]
    public static partial double BceProbabilitiesD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("max(p, 0) - p * y + softplus(-abs(p))")]
    public static partial float BceWithLogitsF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("max(p, 0) - p * y + softplus(-abs(p))")]
    public static partial double BceWithLogitsD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("max(0, 1 - (2 * y - 2) * p)")]
    public static partial float HingeF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("max(0, 1 - (2 * y - 2) * p)")]
    public static partial double HingeD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("max(0, 1 - (2 * y - 2) * p)^2")]
    public static partial float SquaredHingeF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("max(0, 1 - (2 * y - 2) * p)^2")]
    public static partial double SquaredHingeD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("exp(p) - y * p")]
    public static partial float PoissonLogInputF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("exp(p) - y * p")]
    public static partial double PoissonLogInputD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("0.5 * (log(y) + (p - 1)^2 / y)")]
    public static partial float GaussianNllF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("0.5 * (log(y) + (p - 1)^2 / y)")]
    public static partial double GaussianNllD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("xlogy(y, y) - y * p")]
    public static partial float KlDivergenceF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("xlogy(y, y) - y * p")]
    public static partial double KlDivergenceD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("log(p)", Reduction = Reduction.Sum)]
    public static partial float LogSumF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("log(p)", Reduction = Reduction.None)]
    public static partial void LogNoneF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp, Span<float> dy);

    [Loss("log(p)", Reduction = Reduction.Sum)]
    public static partial double LogSumD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("log(p)", Reduction = Reduction.None)]
    public static partial void LogNoneD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp, Span<double> dy);

    [Loss("sigmoid(p)", Reduction = Reduction.Sum)]
    public static partial float SigmoidSumF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("sigmoid(p)", Reduction = Reduction.None)]
    public static partial void SigmoidNoneF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp, Span<float> dy);

    [Loss("sigmoid(p)", Reduction = Reduction.Sum)]
    public static partial double SigmoidSumD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("sigmoid(p)", Reduction = Reduction.None)]
    public static partial void SigmoidNoneD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp, Span<double> dy);

    [Loss("p > y ? exp(p) : log(y)", Reduction = Reduction.Sum)]
    public static partial float ConditionalSumF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("p > y ? exp(p) : log(y)", Reduction = Reduction.None)]
    public static partial void ConditionalNoneF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp, Span<float> dy);

    [Loss("p > y ? exp(p) : log(y)", Reduction = Reduction.Sum)]
    public static partial double ConditionalSumD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("p > y ? exp(p) : log(y)", Reduction = Reduction.None)]
    public static partial void ConditionalNoneD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp, Span<double> dy);

    [Loss("d = abs(p - y); d <= 0.7 ? 0.5 * d^2 : 0.7 * (d - 0.5 * 0.7)", Reduction = Reduction.Sum)]
    public static partial float HuberSumF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("d = abs(p - y); d <= 0.7 ? 0.5 * d^2 : 0.7 * (d - 0.5 * 0.7)", Reduction = Reduction.None)]
    public static partial void HuberNoneF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp, Span<float> dy);

    [Loss("d = abs(p - y); d <= 0.7 ? 0.5 * d^2 : 0.7 * (d - 0.5 * 0.7)", Reduction = Reduction.Sum)]
    public static partial double HuberSumD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("d = abs(p - y); d <= 0.7 ? 0.5 * d^2 : 0.7 * (d - 0.5 * 0.7)", Reduction = Reduction.None)]
    public static partial void HuberNoneD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp, Span<double> dy);

    [Loss("max(p, 0) - p * y + softplus(-abs(p))", Reduction = Reduction.Sum)]
    public static partial float BceWithLogitsSumF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);

    [Loss("max(p, 0) - p * y + softplus(-abs(p))", Reduction = Reduction.None)]
    public static partial void BceWithLogitsNoneF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp, Span<float> dy);

    [Loss("max(p, 0) - p * y + softplus(-abs(p))", Reduction = Reduction.Sum)]
    public static partial double BceWithLogitsSumD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);

    [Loss("max(p, 0) - p * y + softplus(-abs(p))", Reduction = Reduction.None)]
    public static partial void BceWithLogitsNoneD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp, Span<double> dy);

    [Loss("(a * exp(b * p) - y)^2", Reduction = Reduction.Mean)]
    public static partial float ExpFitMeanF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float a, float b, Span<float> dp, out float da, out float db);

    [Loss("(a * exp(b * p) - y)^2", Reduction = Reduction.Sum)]
    public static partial float ExpFitSumF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float a, float b, Span<float> dp, out float da, out float db);

    [Loss("(a * exp(b * p) - y)^2", Reduction = Reduction.Mean)]
    public static partial double ExpFitMeanD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double a, double b, Span<double> dp, out double da, out double db);

    [Loss("(a * exp(b * p) - y)^2", Reduction = Reduction.Sum)]
    public static partial double ExpFitSumD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double a, double b, Span<double> dp, out double da, out double db);

    [Loss("(p + a - y)^2")]
    public static partial float InterceptF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float a, Span<float> dp, out float da);
}
