namespace Chancery.Core.Screening.Import;

/// <summary>Something the reader left out and why: a row, or a part of one (a truncated alias, an unreadable date).</summary>
public sealed record SkippedRecord(long Line, string SourceId, string Reason);
