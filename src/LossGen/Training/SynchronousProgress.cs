using System;

namespace LossGen.Training;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler at once, on the training thread, before training goes on.
/// Use it in console apps and tests instead of <see cref="Progress{T}"/>, which posts every report to the thread
/// pool when there is no synchronization context (as in a console app): its lines can then appear out of order
/// or after <c>Fit</c> has returned.
/// </summary>
/// <typeparam name="T">The report type: <see cref="EpochReport"/> or <see cref="IterationReport"/>.</typeparam>
public sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;

    /// <summary>Creates the reporter.</summary>
    /// <param name="handler">Called with every report, on the thread that reports it.</param>
    public SynchronousProgress(Action<T> handler) => _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <inheritdoc/>
    public void Report(T value) => _handler(value);
}
