namespace Chancery.Core.Screening;

/// <summary>How far an import has gone: reading the file (bytes) then writing the entries.</summary>
public sealed record ImportProgress(string Phase, long Done, long Total);
