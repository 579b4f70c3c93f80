using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace LossGen.Training;

/// <summary>
/// Shows training progress in a console, synchronously. On a terminal it redraws one line: a bar, the epoch
/// (or iteration) out of the limit, the loss, the validation loss, the learning rate (or step length) and the
/// estimated time left. When the output is redirected (a file, a pipe, CI) it prints plain lines instead: the
/// first report, every <c>every</c>-th and, from <see cref="Complete"/>, the last. Pass it as
/// <see cref="TrainerOptions.Progress"/> or <see cref="LbfgsOptions.Progress"/>, and call <see cref="Complete"/>
/// when training returns.
/// </summary>
public sealed class ConsoleProgress : IProgress<EpochReport>, IProgress<IterationReport>
{
    private const int BarWidth = 20;
    private static readonly long RedrawTicks = Stopwatch.Frequency / 20;

    private readonly string _label;
    private readonly int _total;
    private readonly int _every;
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private long _lastDraw;
    private string? _pending;
    private bool _lineOpen;

    /// <summary>Creates the reporter.</summary>
    /// <param name="label">A name printed before every line (e.g. the optimizer).</param>
    /// <param name="total">The epoch or iteration limit, ≥ 1: the bar's end and the basis of the time estimate.</param>
    /// <param name="every">In plain-line mode, print every this many reports (0: about ten lines over <paramref name="total"/>).</param>
    /// <param name="output">Where to write; null for <see cref="Console.Out"/>.</param>
    /// <param name="interactive">Redraw one line (true) or print plain lines (false); null: a bar when writing to a console whose output is not redirected.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> or <paramref name="every"/> is out of range.</exception>
    public ConsoleProgress(string label, int total, int every = 0, TextWriter? output = null, bool? interactive = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
        ArgumentOutOfRangeException.ThrowIfNegative(every);
        _label = label;
        _total = total;
        _every = every > 0 ? every : Math.Max(1, total / 10);
        _output = output ?? Console.Out;
        _interactive = interactive ?? (output is null && !Console.IsOutputRedirected);
    }

    /// <summary>Whether the reporter redraws a bar (true) or prints plain lines (false).</summary>
    public bool Interactive => _interactive;

    /// <inheritdoc/>
    public void Report(EpochReport value)
    {
        string validation = double.IsNaN(value.ValidationLoss) ? "" : Invariant($"  val {value.ValidationLoss:G6}");
        Show(value.Epoch, "epoch", Invariant($"loss {value.Loss:G6}{validation}  lr {value.LearningRate:G3}"), value.Elapsed);
    }

    /// <inheritdoc/>
    public void Report(IterationReport value) =>
        Show(value.Iteration, "iteration", Invariant($"loss {value.Loss:G8}  |grad| {value.GradientNorm:0.00e+00}  step {value.StepLength:G3}"), value.Elapsed);

    /// <summary>Ends the progress display: closes the bar's line, or prints the last report if it was not printed.</summary>
    public void Complete()
    {
        if (_interactive)
        {
            if (_pending is not null)
            {
                _output.Write("\r" + _pending);
            }
            if (_lineOpen)
            {
                _output.WriteLine();
            }
        }
        else if (_pending is not null)
        {
            _output.WriteLine(_pending);
        }
        _output.Flush();
        _pending = null;
        _lineOpen = false;
    }

    private void Show(int step, string unit, string figures, TimeSpan elapsed)
    {
        int width = _total.ToString(CultureInfo.InvariantCulture).Length;
        if (_interactive)
        {
            double done = Math.Clamp((double)step / _total, 0, 1);
            int filled = (int)Math.Round(done * BarWidth);
            TimeSpan left = step > 0 ? elapsed / step * Math.Max(0, _total - step) : TimeSpan.Zero;
            string line = Invariant($"{_label} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {unit} {step.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{_total}  {figures}  ETA {left:h\\:mm\\:ss}");
            long now = Stopwatch.GetTimestamp();
            if (now - _lastDraw < RedrawTicks && step < _total)
            {
                _pending = line;
                return;
            }
            _lastDraw = now;
            // Pad over the rest of a longer previous line.
            _output.Write("\r" + line + "   ");
            _output.Flush();
            _lineOpen = true;
            _pending = null;
        }
        else
        {
            string line = Invariant($"  {_label} {unit} {step.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{_total}  {figures}  {elapsed.TotalSeconds:F2} s");
            if (step == 1 || step % _every == 0)
            {
                _output.WriteLine(line);
                _pending = null;
            }
            else
            {
                _pending = line;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
