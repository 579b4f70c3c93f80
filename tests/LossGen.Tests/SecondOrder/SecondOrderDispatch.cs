// Dispatch from a golden case to the catalogue's second-order overload it names (test code, written out once per loss;
// the first-order dispatch with d2 outputs appended).
namespace LossGen.Tests.Catalogue;

internal static class SecondOrderDispatch
{
    /// <summary>Runs the float second-order catalogue method for a case; returns the reduced value (NaN for None, where <paramref name="loss"/> is filled).</summary>
    public static double Float(string name, string reduction, IReadOnlyDictionary<string, double> p, float[] input, float[] target, float[] var, float[] loss, float[] dInput, float[] dVar, float[] d2Input, float[] d2Var)
    {
        switch (name, reduction)
        {
            case ("MseLoss", "mean"): return Losses.MseLoss(input, target, dInput, d2Input);
            case ("MseLoss", "sum"): return Losses.MseLossSum(input, target, dInput, d2Input);
            case ("MseLoss", "none"): Losses.MseLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("L1Loss", "mean"): return Losses.L1Loss(input, target, dInput, d2Input);
            case ("L1Loss", "sum"): return Losses.L1LossSum(input, target, dInput, d2Input);
            case ("L1Loss", "none"): Losses.L1LossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("SmoothL1Loss", "mean"): return Losses.SmoothL1Loss(input, target, (float)p["beta"], dInput, d2Input);
            case ("SmoothL1Loss", "sum"): return Losses.SmoothL1LossSum(input, target, (float)p["beta"], dInput, d2Input);
            case ("SmoothL1Loss", "none"): Losses.SmoothL1LossNone(input, target, (float)p["beta"], loss, dInput, d2Input); return double.NaN;
            case ("HuberLoss", "mean"): return Losses.HuberLoss(input, target, (float)p["delta"], dInput, d2Input);
            case ("HuberLoss", "sum"): return Losses.HuberLossSum(input, target, (float)p["delta"], dInput, d2Input);
            case ("HuberLoss", "none"): Losses.HuberLossNone(input, target, (float)p["delta"], loss, dInput, d2Input); return double.NaN;
            case ("LogCoshLoss", "mean"): return Losses.LogCoshLoss(input, target, dInput, d2Input);
            case ("LogCoshLoss", "sum"): return Losses.LogCoshLossSum(input, target, dInput, d2Input);
            case ("LogCoshLoss", "none"): Losses.LogCoshLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("QuantileLoss", "mean"): return Losses.QuantileLoss(input, target, (float)p["tau"], dInput, d2Input);
            case ("QuantileLoss", "sum"): return Losses.QuantileLossSum(input, target, (float)p["tau"], dInput, d2Input);
            case ("QuantileLoss", "none"): Losses.QuantileLossNone(input, target, (float)p["tau"], loss, dInput, d2Input); return double.NaN;
            case ("BceLoss", "mean"): return Losses.BceLoss(input, target, dInput, d2Input);
            case ("BceLoss", "sum"): return Losses.BceLossSum(input, target, dInput, d2Input);
            case ("BceLoss", "none"): Losses.BceLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("BceWithLogitsLoss", "mean"): return Losses.BceWithLogitsLoss(input, target, (float)p["posWeight"], dInput, d2Input);
            case ("BceWithLogitsLoss", "sum"): return Losses.BceWithLogitsLossSum(input, target, (float)p["posWeight"], dInput, d2Input);
            case ("BceWithLogitsLoss", "none"): Losses.BceWithLogitsLossNone(input, target, (float)p["posWeight"], loss, dInput, d2Input); return double.NaN;
            case ("HingeLoss", "mean"): return Losses.HingeLoss(input, target, dInput, d2Input);
            case ("HingeLoss", "sum"): return Losses.HingeLossSum(input, target, dInput, d2Input);
            case ("HingeLoss", "none"): Losses.HingeLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("SquaredHingeLoss", "mean"): return Losses.SquaredHingeLoss(input, target, dInput, d2Input);
            case ("SquaredHingeLoss", "sum"): return Losses.SquaredHingeLossSum(input, target, dInput, d2Input);
            case ("SquaredHingeLoss", "none"): Losses.SquaredHingeLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("PoissonNllLoss", "mean"): return Losses.PoissonNllLoss(input, target, dInput, d2Input);
            case ("PoissonNllLoss", "sum"): return Losses.PoissonNllLossSum(input, target, dInput, d2Input);
            case ("PoissonNllLoss", "none"): Losses.PoissonNllLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("GaussianNllLoss", "mean"): return Losses.GaussianNllLoss(input, target, var, (float)p["eps"], dInput, dVar, d2Input, d2Var);
            case ("GaussianNllLoss", "sum"): return Losses.GaussianNllLossSum(input, target, var, (float)p["eps"], dInput, dVar, d2Input, d2Var);
            case ("GaussianNllLoss", "none"): Losses.GaussianNllLossNone(input, target, var, (float)p["eps"], loss, dInput, dVar, d2Input, d2Var); return double.NaN;
            case ("KlDivLoss", "mean"): return Losses.KlDivLoss(input, target, dInput, d2Input);
            case ("KlDivLoss", "sum"): return Losses.KlDivLossSum(input, target, dInput, d2Input);
            case ("KlDivLoss", "none"): Losses.KlDivLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            default: throw new ArgumentException($"no catalogue method for {name} {reduction}");
        }
    }

    /// <summary>Runs the double second-order catalogue method for a case.</summary>
    public static double Double(string name, string reduction, IReadOnlyDictionary<string, double> p, double[] input, double[] target, double[] var, double[] loss, double[] dInput, double[] dVar, double[] d2Input, double[] d2Var)
    {
        switch (name, reduction)
        {
            case ("MseLoss", "mean"): return Losses.MseLoss(input, target, dInput, d2Input);
            case ("MseLoss", "sum"): return Losses.MseLossSum(input, target, dInput, d2Input);
            case ("MseLoss", "none"): Losses.MseLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("L1Loss", "mean"): return Losses.L1Loss(input, target, dInput, d2Input);
            case ("L1Loss", "sum"): return Losses.L1LossSum(input, target, dInput, d2Input);
            case ("L1Loss", "none"): Losses.L1LossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("SmoothL1Loss", "mean"): return Losses.SmoothL1Loss(input, target, (double)p["beta"], dInput, d2Input);
            case ("SmoothL1Loss", "sum"): return Losses.SmoothL1LossSum(input, target, (double)p["beta"], dInput, d2Input);
            case ("SmoothL1Loss", "none"): Losses.SmoothL1LossNone(input, target, (double)p["beta"], loss, dInput, d2Input); return double.NaN;
            case ("HuberLoss", "mean"): return Losses.HuberLoss(input, target, (double)p["delta"], dInput, d2Input);
            case ("HuberLoss", "sum"): return Losses.HuberLossSum(input, target, (double)p["delta"], dInput, d2Input);
            case ("HuberLoss", "none"): Losses.HuberLossNone(input, target, (double)p["delta"], loss, dInput, d2Input); return double.NaN;
            case ("LogCoshLoss", "mean"): return Losses.LogCoshLoss(input, target, dInput, d2Input);
            case ("LogCoshLoss", "sum"): return Losses.LogCoshLossSum(input, target, dInput, d2Input);
            case ("LogCoshLoss", "none"): Losses.LogCoshLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("QuantileLoss", "mean"): return Losses.QuantileLoss(input, target, (double)p["tau"], dInput, d2Input);
            case ("QuantileLoss", "sum"): return Losses.QuantileLossSum(input, target, (double)p["tau"], dInput, d2Input);
            case ("QuantileLoss", "none"): Losses.QuantileLossNone(input, target, (double)p["tau"], loss, dInput, d2Input); return double.NaN;
            case ("BceLoss", "mean"): return Losses.BceLoss(input, target, dInput, d2Input);
            case ("BceLoss", "sum"): return Losses.BceLossSum(input, target, dInput, d2Input);
            case ("BceLoss", "none"): Losses.BceLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("BceWithLogitsLoss", "mean"): return Losses.BceWithLogitsLoss(input, target, (double)p["posWeight"], dInput, d2Input);
            case ("BceWithLogitsLoss", "sum"): return Losses.BceWithLogitsLossSum(input, target, (double)p["posWeight"], dInput, d2Input);
            case ("BceWithLogitsLoss", "none"): Losses.BceWithLogitsLossNone(input, target, (double)p["posWeight"], loss, dInput, d2Input); return double.NaN;
            case ("HingeLoss", "mean"): return Losses.HingeLoss(input, target, dInput, d2Input);
            case ("HingeLoss", "sum"): return Losses.HingeLossSum(input, target, dInput, d2Input);
            case ("HingeLoss", "none"): Losses.HingeLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("SquaredHingeLoss", "mean"): return Losses.SquaredHingeLoss(input, target, dInput, d2Input);
            case ("SquaredHingeLoss", "sum"): return Losses.SquaredHingeLossSum(input, target, dInput, d2Input);
            case ("SquaredHingeLoss", "none"): Losses.SquaredHingeLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("PoissonNllLoss", "mean"): return Losses.PoissonNllLoss(input, target, dInput, d2Input);
            case ("PoissonNllLoss", "sum"): return Losses.PoissonNllLossSum(input, target, dInput, d2Input);
            case ("PoissonNllLoss", "none"): Losses.PoissonNllLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            case ("GaussianNllLoss", "mean"): return Losses.GaussianNllLoss(input, target, var, (double)p["eps"], dInput, dVar, d2Input, d2Var);
            case ("GaussianNllLoss", "sum"): return Losses.GaussianNllLossSum(input, target, var, (double)p["eps"], dInput, dVar, d2Input, d2Var);
            case ("GaussianNllLoss", "none"): Losses.GaussianNllLossNone(input, target, var, (double)p["eps"], loss, dInput, dVar, d2Input, d2Var); return double.NaN;
            case ("KlDivLoss", "mean"): return Losses.KlDivLoss(input, target, dInput, d2Input);
            case ("KlDivLoss", "sum"): return Losses.KlDivLossSum(input, target, dInput, d2Input);
            case ("KlDivLoss", "none"): Losses.KlDivLossNone(input, target, loss, dInput, d2Input); return double.NaN;
            default: throw new ArgumentException($"no catalogue method for {name} {reduction}");
        }
    }
}
