namespace LossGen;

/// <summary>
/// The standard losses, ready to call, each in float and double and for each reduction: the plain
/// name reduces by the mean, <c>…Sum</c> by the sum, and <c>…None</c> writes per-element losses. Every
/// method returns (or writes) the loss and writes its gradient with respect to the input in one
/// vectorized pass. The catalogue is written with LossGen itself: each method is a <see cref="LossAttribute"/>
/// declaration whose body the generator writes. Formulas, derivatives and PyTorch equivalents are in
/// docs/losses.md.
/// </summary>
public static partial class Losses
{
}
