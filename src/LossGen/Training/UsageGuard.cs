using System;
using System.Threading;

namespace LossGen.Training;

/// <summary>
/// A cheap in-use flag (one interlocked exchange per call) that turns concurrent use of an object that is
/// documented as single-threaded into an <see cref="InvalidOperationException"/> instead of wrong numbers.
/// It is a mutable struct: keep it in a non-readonly field and call it on the field.
/// </summary>
internal struct UsageGuard
{
    private int _busy;

    /// <summary>Marks the owner as in use; throws if it already is (another thread, or a re-entrant call).</summary>
    /// <exception cref="InvalidOperationException">The owner is already in use.</exception>
    public void Enter(object owner)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException(
                $"This {Describe(owner)} is already in use by another call (another thread, or a call from inside its own progress report). " +
                "It is not safe for concurrent use: give each thread its own instance.");
        }
    }

    /// <summary>Marks the owner as free.</summary>
    public void Exit() => Volatile.Write(ref _busy, 0);

    private static string Describe(object owner)
    {
        string name = owner.GetType().Name;
        int tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }
}
