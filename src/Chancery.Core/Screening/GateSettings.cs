namespace Chancery.Core.Screening;

/// <summary>
/// One row the database triggers read, so that the issuance gate holds for direct SQL too.
/// The application writes it from <c>Chancery:Screening:MaxAge</c> at start.
/// </summary>
public sealed class GateSettings
{
    public int Id { get; init; } = 1;

    public required int ScreeningMaxAgeSeconds { get; set; }
}
