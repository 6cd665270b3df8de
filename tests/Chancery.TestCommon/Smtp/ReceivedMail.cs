namespace Chancery.TestCommon.Smtp;

/// <summary>A message as the sink received it: the SMTP envelope and the MIME text, unparsed.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    /// <summary>The unfolded value of the first header with this name, or null.</summary>
    public string? Header(string name)
    {
        var headers = Raw.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Equals(name, StringComparison.OrdinalIgnoreCase))
                return line[(colon + 1)..].Trim();
        }
        return null;
    }
}
