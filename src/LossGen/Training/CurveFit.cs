using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>What the loss value of a fit is, for <see cref="CurveFit.StandardErrors{T, TLoss}"/>.</summary>
public enum ErrorModel
{
    /// <summary>
    /// A least-squares loss: its value is S = Σ r_i² (Sum) or S/n (Mean) with unknown noise. The covariance is
    /// 2 s² H_S⁻¹ with s² = S / (n − k), as <c>scipy.optimize.curve_fit</c> reports it by default (absolute_sigma = False).
    /// </summary>
    LeastSquares,

    /// <summary>A negative log-likelihood: its value is Σ −log p_i (Sum) or the mean. The covariance is the inverse observed information H⁻¹ (Sum) or H⁻¹/n (Mean).</summary>
    NegativeLogLikelihood,
}

/// <summary>The uncertainty of fitted parameters.</summary>
/// <param name="StandardErrors">The standard error of each parameter: √ of the covariance's diagonal.</param>
/// <param name="Covariance">The k × k covariance matrix, row-major.</param>
public sealed record ParameterUncertainty(double[] StandardErrors, double[] Covariance);

/// <summary>Statistics of a fit by <see cref="ParametricObjective{T, TLoss}"/>: parameter standard errors from the exact Hessian.</summary>
public static class CurveFit
{
    /// <summary>
    /// The parameters' covariance and standard errors at the optimum <paramref name="parameters"/>, from the inverse of
    /// the exact Hessian the generator emits (scipy's <c>curve_fit</c> uses the Gauss–Newton approximation 2JᵀJ instead;
    /// the two agree at a well-fitting optimum, where the residuals are small).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length or a non-finite value, or (least squares) there are no more rows than parameters.</exception>
    /// <exception cref="InvalidOperationException">The Hessian is not positive definite at <paramref name="parameters"/>: it is not a minimum.</exception>
    public static ParameterUncertainty StandardErrors<T, TLoss>(ParametricObjective<T, TLoss> objective, ReadOnlySpan<T> parameters, ErrorModel model = ErrorModel.LeastSquares)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, ISecondOrderParametricLoss<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        int k = objective.ParameterCount, n = objective.Count;
        if (parameters.Length != k)
        {
            throw new ArgumentException($"The loss has {k} parameters, but {parameters.Length} were given.", nameof(parameters));
        }
        StateIO.CheckFinite(parameters, nameof(parameters));
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown error model.");
        }
        if (model == ErrorModel.LeastSquares && n <= k)
        {
            throw new ArgumentException($"Least-squares standard errors need more rows ({n}) than parameters ({k}).", nameof(objective));
        }
        var gradient = new T[k];
        var hessian = new double[k * k];
        double value = double.CreateChecked(objective.EvaluateSecondOrder(objective.Loss, parameters, gradient, hessian));
        bool mean = objective.Loss.Reduction == Reduction.Mean;
        // Scale the loss and its Hessian to the sum form: S and H_S.
        double sum = mean ? value * n : value, factor = mean ? n : 1;
        var factorization = new double[k * k];
        var scaled = new double[k * k];
        for (int i = 0; i < scaled.Length; i++)
        {
            scaled[i] = hessian[i] * factor;
        }
        if (!DenseCholesky.TryFactor(scaled, 0, k, factorization))
        {
            throw new InvalidOperationException("The Hessian at these parameters is not positive definite: they are not a minimum, and no covariance follows from it.");
        }
        double[] covariance = DenseCholesky.Inverse(factorization, k);
        double multiplier = model == ErrorModel.LeastSquares ? 2 * sum / (n - k) : 1;
        var errors = new double[k];
        // The inverse is computed column by column; average its two triangles so the covariance is exactly symmetric.
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double c = 0.5 * (covariance[i * k + j] + covariance[j * k + i]) * multiplier;
                covariance[i * k + j] = c;
                covariance[j * k + i] = c;
            }
        }
        for (int i = 0; i < k; i++)
        {
            errors[i] = Math.Sqrt(covariance[i * k + i]);
        }
        return new ParameterUncertainty(errors, covariance);
    }
}
