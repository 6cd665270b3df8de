using System.ComponentModel.DataAnnotations;

namespace Chancery.Core.Appointments;

/// <summary>The ALTCHA proof-of-work settings, under <c>Chancery:Altcha</c>.</summary>
public sealed class AltchaOptions
{
    public const string Section = "Chancery:Altcha";

    /// <summary>
    /// The secret that signs challenges (base64, at least 32 bytes). Every instance must share it. Left
    /// empty on SQLite, one is made once into a key file beside the database; PostgreSQL requires it.
    /// </summary>
    public string? HmacKey { get; set; }

    /// <summary>PBKDF2 iterations per attempt: the work one counter costs the browser.</summary>
    [Range(1, 1_000_000)]
    public int Cost { get; set; } = 5000;

    /// <summary>The counter the server picks lies in [CounterMin, CounterMax]: the number of attempts the browser makes.</summary>
    [Range(0, 10_000_000)]
    public int CounterMin { get; set; } = 5000;

    [Range(0, 10_000_000)]
    public int CounterMax { get; set; } = 10000;

    /// <summary>The derived key's length in bytes; its first half in hex is the published prefix.</summary>
    [Range(16, 64)]
    public int KeyLength { get; set; } = 32;

    /// <summary>How long a challenge may be solved and posted.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);
}
