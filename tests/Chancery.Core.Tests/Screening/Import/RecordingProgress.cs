namespace Chancery.Core.Tests.Screening.Import;

/// <summary>Records reports on the calling thread (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class RecordingProgress(List<long> reports) : IProgress<long>
{
    public void Report(long value) => reports.Add(value);
}
