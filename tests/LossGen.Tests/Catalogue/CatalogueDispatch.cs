// Dispatch from a golden case to the catalogue method it names (test code, written out once per loss).
namespace LossGen.Tests.Catalogue;

internal static class CatalogueDispatch
{
    /// <summary>Runs the float catalogue method for a case; returns the reduced value (NaN for None, where <paramref name="loss"/> is filled).</summary>
    public static double Float(string name, string reduction, IReadOnlyDictionary<string, double> p, float[] input, float[] target, float[] var, float[] loss, float[] dInput, float[] dVar)
    {
        switch (name, reduction)
        {
            case ("MseLoss", "mean"): return Losses.MseLoss(input, target, dInput);
            case ("MseLoss", "sum"): return Losses.MseLossSum(input, target, dInput);
            case ("MseLoss", "none"): Losses.MseLossNone(input, target, loss, dInput); return double.NaN;
            case ("L1Loss", "mean"): return Losses.L1Loss(input, target, dInput);
            case ("L1Loss", "sum"): return Losses.L1LossSum(input, target, dInput);
            case ("L1Loss", "none"): Losses.L1LossNone(input, target, loss, dInput); return double.NaN;
            case ("SmoothL1Loss", "mean"): return Losses.SmoothL1Loss(input, target, (float)p["beta"], dInput);
            case ("SmoothL1Loss", "sum"): return Losses.SmoothL1LossSum(input, target, (float)p["beta"], dInput);
            case ("SmoothL1Loss", "none"): Losses.SmoothL1LossNone(input, target, (float)p["beta"], loss, dInput); return double.NaN;
            case ("HuberLoss", "mean"): return Losses.HuberLoss(input, target, (float)p["delta"], dInput);
            case ("HuberLoss", "sum"): return Losses.HuberLossSum(input, target, (float)p["delta"], dInput);
            case ("HuberLoss", "none"): Losses.HuberLossNone(input, target, (float)p["delta"], loss, dInput); return double.NaN;
            case ("LogCoshLoss", "mean"): return Losses.LogCoshLoss(input, target, dInput);
            case ("LogCoshLoss", "sum"): return Losses.LogCoshLossSum(input, target, dInput);
            case ("LogCoshLoss", "none"): Losses.LogCoshLossNone(input, target, loss, dInput); return double.NaN;
            case ("QuantileLoss", "mean"): return Losses.QuantileLoss(input, target, (float)p["tau"], dInput);
            case ("QuantileLoss", "sum"): return Losses.QuantileLossSum(input, target, (float)p["tau"], dInput);
            case ("QuantileLoss", "none"): Losses.QuantileLossNone(input, target, (float)p["tau"], loss, dInput); return double.NaN;
            case ("BceLoss", "mean"): return Losses.BceLoss(input, target, dInput);
            case ("BceLoss", "sum"): return Losses.BceLossSum(input, target, dInput);
            case ("BceLoss", "none"): Losses.BceLossNone(input, target, loss, dInput); return double.NaN;
            case ("BceWithLogitsLoss", "mean"): return Losses.BceWithLogitsLoss(input, target, (float)p["posWeight"], dInput);
            case ("BceWithLogitsLoss", "sum"): return Losses.BceWithLogitsLossSum(input, target, (float)p["posWeight"], dInput);
            case ("BceWithLogitsLoss", "none"): Losses.BceWithLogitsLossNone(input, target, (float)p["posWeight"], loss, dInput); return double.NaN;
            case ("HingeLoss", "mean"): return Losses.HingeLoss(input, target, dInput);
            case ("HingeLoss", "sum"): return Losses.HingeLossSum(input, target, dInput);
            case ("HingeLoss", "none"): Losses.HingeLossNone(input, target, loss, dInput); return double.NaN;
            case ("SquaredHingeLoss", "mean"): return Losses.SquaredHingeLoss(input, target, dInput);
            case ("SquaredHingeLoss", "sum"): return Losses.SquaredHingeLossSum(input, target, dInput);
            case ("SquaredHingeLoss", "none"): Losses.SquaredHingeLossNone(input, target, loss, dInput); return double.NaN;
            case ("PoissonNllLoss", "mean"): return Losses.PoissonNllLoss(input, target, dInput);
            case ("PoissonNllLoss", "sum"): return Losses.PoissonNllLossSum(input, target, dInput);
            case ("PoissonNllLoss", "none"): Losses.PoissonNllLossNone(input, target, loss, dInput); return double.NaN;
            case ("GaussianNllLoss", "mean"): return Losses.GaussianNllLoss(input, target, var, (float)p["eps"], dInput, dVar);
            case ("GaussianNllLoss", "sum"): return Losses.GaussianNllLossSum(input, target, var, (float)p["eps"], dInput, dVar);
            case ("GaussianNllLoss", "none"): Losses.GaussianNllLossNone(input, target, var, (float)p["eps"], loss, dInput, dVar); return double.NaN;
            case ("KlDivLoss", "mean"): return Losses.KlDivLoss(input, target, dInput);
            case ("KlDivLoss", "sum"): return Losses.KlDivLossSum(input, target, dInput);
            case ("KlDivLoss", "none"): Losses.KlDivLossNone(input, target, loss, dInput); return double.NaN;
            default: throw new ArgumentException($"no catalogue method for {name} {reduction}");
        }
    }

    /// <summary>Runs the double catalogue method for a case.</summary>
    public static double Double(string name, string reduction, IReadOnlyDictionary<string, double> p, double[] input, double[] target, double[] var, double[] loss, double[] dInput, double[] dVar)
    {
        switch (name, reduction)
        {
            case ("MseLoss", "mean"): return Losses.MseLoss(input, target, dInput);
            case ("MseLoss", "sum"): return Losses.MseLossSum(input, target, dInput);
            case ("MseLoss", "none"): Losses.MseLossNone(input, target, loss, dInput); return double.NaN;
            case ("L1Loss", "mean"): return Losses.L1Loss(input, target, dInput);
            case ("L1Loss", "sum"): return Losses.L1LossSum(input, target, dInput);
            case ("L1Loss", "none"): Losses.L1LossNone(input, target, loss, dInput); return double.NaN;
            case ("SmoothL1Loss", "mean"): return Losses.SmoothL1Loss(input, target, (double)p["beta"], dInput);
            case ("SmoothL1Loss", "sum"): return Losses.SmoothL1LossSum(input, target, (double)p["beta"], dInput);
            case ("SmoothL1Loss", "none"): Losses.SmoothL1LossNone(input, target, (double)p["beta"], loss, dInput); return double.NaN;
            case ("HuberLoss", "mean"): return Losses.HuberLoss(input, target, (double)p["delta"], dInput);
            case ("HuberLoss", "sum"): return Losses.HuberLossSum(input, target, (double)p["delta"], dInput);
            case ("HuberLoss", "none"): Losses.HuberLossNone(input, target, (double)p["delta"], loss, dInput); return double.NaN;
            case ("LogCoshLoss", "mean"): return Losses.LogCoshLoss(input, target, dInput);
            case ("LogCoshLoss", "sum"): return Losses.LogCoshLossSum(input, target, dInput);
            case ("LogCoshLoss", "none"): Losses.LogCoshLossNone(input, target, loss, dInput); return double.NaN;
            case ("QuantileLoss", "mean"): return Losses.QuantileLoss(input, target, (double)p["tau"], dInput);
            case ("QuantileLoss", "sum"): return Losses.QuantileLossSum(input, target, (double)p["tau"], dInput);
            case ("QuantileLoss", "none"): Losses.QuantileLossNone(input, target, (double)p["tau"], loss, dInput); return double.NaN;
            case ("BceLoss", "mean"): return Losses.BceLoss(input, target, dInput);
            case ("BceLoss", "sum"): return Losses.BceLossSum(input, target, dInput);
            case ("BceLoss", "none"): Losses.BceLossNone(input, target, loss, dInput); return double.NaN;
            case ("BceWithLogitsLoss", "mean"): return Losses.BceWithLogitsLoss(input, target, (double)p["posWeight"], dInput);
            case ("BceWithLogitsLoss", "sum"): return Losses.BceWithLogitsLossSum(input, target, (double)p["posWeight"], dInput);
            case ("BceWithLogitsLoss", "none"): Losses.BceWithLogitsLossNone(input, target, (double)p["posWeight"], loss, dInput); return double.NaN;
            case ("HingeLoss", "mean"): return Losses.HingeLoss(input, target, dInput);
            case ("HingeLoss", "sum"): return Losses.HingeLossSum(input, target, dInput);
            case ("HingeLoss", "none"): Losses.HingeLossNone(input, target, loss, dInput); return double.NaN;
            case ("SquaredHingeLoss", "mean"): return Losses.SquaredHingeLoss(input, target, dInput);
            case ("SquaredHingeLoss", "sum"): return Losses.SquaredHingeLossSum(input, target, dInput);
            case ("SquaredHingeLoss", "none"): Losses.SquaredHingeLossNone(input, target, loss, dInput); return double.NaN;
            case ("PoissonNllLoss", "mean"): return Losses.PoissonNllLoss(input, target, dInput);
            case ("PoissonNllLoss", "sum"): return Losses.PoissonNllLossSum(input, target, dInput);
            case ("PoissonNllLoss", "none"): Losses.PoissonNllLossNone(input, target, loss, dInput); return double.NaN;
            case ("GaussianNllLoss", "mean"): return Losses.GaussianNllLoss(input, target, var, (double)p["eps"], dInput, dVar);
            case ("GaussianNllLoss", "sum"): return Losses.GaussianNllLossSum(input, target, var, (double)p["eps"], dInput, dVar);
            case ("GaussianNllLoss", "none"): Losses.GaussianNllLossNone(input, target, var, (double)p["eps"], loss, dInput, dVar); return double.NaN;
            case ("KlDivLoss", "mean"): return Losses.KlDivLoss(input, target, dInput);
            case ("KlDivLoss", "sum"): return Losses.KlDivLossSum(input, target, dInput);
            case ("KlDivLoss", "none"): Losses.KlDivLossNone(input, target, loss, dInput); return double.NaN;
            default: throw new ArgumentException($"no catalogue method for {name} {reduction}");
        }
    }
}
