using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>Records every epoch report, and optionally reacts to each (e.g. to cancel).</summary>
internal sealed class ReportRecorder(Action<EpochReport>? onReport = null) : IProgress<EpochReport>
{
    public List<EpochReport> Reports { get; } = new();

    public void Report(EpochReport value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
