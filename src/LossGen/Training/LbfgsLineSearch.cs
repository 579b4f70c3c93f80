using System;
using System.Numerics;

namespace LossGen.Training;

public sealed partial class Lbfgs<T>
{
    private const double C1 = 1e-4, C2 = 0.9;
    private const int MaxLineSearchIterations = 25;
    private T[] _gNew = [], _gPrev = [], _bracketG0 = [], _bracketG1 = [];

    private void AllocateLineSearch(int n)
    {
        _gNew = new T[n];
        _gPrev = new T[n];
        _bracketG0 = new T[n];
        _bracketG1 = new T[n];
    }

    /// <summary>
    /// Finds a step t along d from x (in <c>_x</c>) satisfying the strong Wolfe conditions: first bracketing
    /// (extrapolating by cubic interpolation within [t + 0.01 (t − t_prev), 10 t]), then zooming with cubic
    /// interpolation safeguarded away from the bracket's ends — PyTorch's <c>_strong_wolfe</c>. On return the
    /// gradient at x + t d is in <c>_grad</c>.
    /// </summary>
    /// <returns>The value at the step, the step, and the evaluations made.</returns>
    private (double Loss, double Step, int Evaluations) StrongWolfe<TObjective>(TObjective objective, double f, double gtd)
        where TObjective : IObjective<T>
    {
        double t = _t;
        double dNorm = SpanMath.MaxAbs(_d);
        double fNew = EvaluateAt(objective, t, _gNew);
        int evaluations = 1;
        double gtdNew = double.CreateChecked(SpanMath.Dot(_gNew, _d));
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        _grad.CopyTo(_gPrev, 0);
        bool done = false;
        int iteration = 0;
        // Bracket: [b0, b1] with values, gradients (in _bracketG0/_bracketG1) and directional derivatives.
        double b0 = 0, b1 = 0, bf0 = 0, bf1 = 0, bgtd0 = 0, bgtd1 = 0;
        bool single = false;
        while (iteration < MaxLineSearchIterations)
        {
            bool armijoFails = fNew > f + C1 * t * gtd || (iteration > 1 && fNew >= fPrev);
            if (!armijoFails && Math.Abs(gtdNew) <= -C2 * gtd)
            {
                b0 = t;
                bf0 = fNew;
                _gNew.CopyTo(_bracketG0, 0);
                single = true;
                done = true;
                break;
            }
            if (armijoFails || gtdNew >= 0)
            {
                (b0, bf0, bgtd0) = (tPrev, fPrev, gtdPrev);
                (b1, bf1, bgtd1) = (t, fNew, gtdNew);
                _gPrev.CopyTo(_bracketG0, 0);
                _gNew.CopyTo(_bracketG1, 0);
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double previous = t;
            t = CubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            (tPrev, fPrev, gtdPrev) = (previous, fNew, gtdNew);
            _gNew.CopyTo(_gPrev, 0);
            fNew = EvaluateAt(objective, t, _gNew);
            evaluations++;
            gtdNew = double.CreateChecked(SpanMath.Dot(_gNew, _d));
            iteration++;
        }
        if (iteration == MaxLineSearchIterations)
        {
            (b0, bf0) = (0, f);
            (b1, bf1) = (t, fNew);
            _grad.CopyTo(_bracketG0, 0);
            _gNew.CopyTo(_bracketG1, 0);
        }
        int low = 0;
        if (!single)
        {
            low = bf0 <= bf1 ? 0 : 1;
            bool insufficientProgress = false;
            while (!done && iteration < MaxLineSearchIterations)
            {
                if (Math.Abs(b1 - b0) * dNorm < _options.ChangeTolerance)
                {
                    break;
                }
                t = CubicInterpolate(b0, bf0, bgtd0, b1, bf1, bgtd1, Math.Min(b0, b1), Math.Max(b0, b1));
                double hi = Math.Max(b0, b1), lo = Math.Min(b0, b1);
                double eps = 0.1 * (hi - lo);
                if (Math.Min(hi - t, t - lo) < eps)
                {
                    if (insufficientProgress || t >= hi || t <= lo)
                    {
                        t = Math.Abs(t - hi) < Math.Abs(t - lo) ? hi - eps : lo + eps;
                        insufficientProgress = false;
                    }
                    else
                    {
                        insufficientProgress = true;
                    }
                }
                else
                {
                    insufficientProgress = false;
                }
                fNew = EvaluateAt(objective, t, _gNew);
                evaluations++;
                gtdNew = double.CreateChecked(SpanMath.Dot(_gNew, _d));
                iteration++;
                int high = 1 - low;
                double bLow = low == 0 ? bf0 : bf1;
                if (fNew > f + C1 * t * gtd || fNew >= bLow)
                {
                    Set(high, t, fNew, gtdNew, _gNew, ref b0, ref bf0, ref bgtd0, ref b1, ref bf1, ref bgtd1);
                    low = bf0 <= bf1 ? 0 : 1;
                }
                else
                {
                    if (Math.Abs(gtdNew) <= -C2 * gtd)
                    {
                        done = true;
                    }
                    else if (gtdNew * ((high == 0 ? b0 : b1) - (low == 0 ? b0 : b1)) >= 0)
                    {
                        // The old low end becomes the high end.
                        if (low == 0)
                        {
                            (b1, bf1, bgtd1) = (b0, bf0, bgtd0);
                            _bracketG0.CopyTo(_bracketG1, 0);
                        }
                        else
                        {
                            (b0, bf0, bgtd0) = (b1, bf1, bgtd1);
                            _bracketG1.CopyTo(_bracketG0, 0);
                        }
                    }
                    Set(low, t, fNew, gtdNew, _gNew, ref b0, ref bf0, ref bgtd0, ref b1, ref bf1, ref bgtd1);
                }
            }
        }
        (low == 0 ? _bracketG0 : _bracketG1).CopyTo(_grad, 0);
        return (low == 0 ? bf0 : bf1, low == 0 ? b0 : b1, evaluations);
    }

    private void Set(int end, double t, double f, double gtd, T[] g, ref double b0, ref double bf0, ref double bgtd0, ref double b1, ref double bf1, ref double bgtd1)
    {
        if (end == 0)
        {
            (b0, bf0, bgtd0) = (t, f, gtd);
            g.CopyTo(_bracketG0, 0);
        }
        else
        {
            (b1, bf1, bgtd1) = (t, f, gtd);
            g.CopyTo(_bracketG1, 0);
        }
    }

    /// <summary>The objective at x + t·d (x in <c>_x</c>); the gradient goes into <paramref name="gradient"/>.</summary>
    private double EvaluateAt<TObjective>(TObjective objective, double t, T[] gradient)
        where TObjective : IObjective<T>
    {
        Move(_x, t, _d, _trial);
        return Evaluate(objective, _trial, gradient);
    }

    /// <summary>
    /// The minimizer of the cubic through (x1, f1) and (x2, f2) with slopes g1, g2, clamped to [lo, hi];
    /// the midpoint when the cubic has no minimizer.
    /// </summary>
    internal static double CubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi)
    {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0)
        {
            double d2 = Math.Sqrt(d2Square);
            double minimum = x1 <= x2
                ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.Min(Math.Max(minimum, lo), hi);
        }
        return (lo + hi) / 2;
    }
}
