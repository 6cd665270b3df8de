namespace Chancery.Core.Appointments;

/// <summary>
/// A service a post offers by appointment, with its calendar and the post's policies for it:
/// how slots are released, whether a submitted application or a prepayment is required,
/// whether a booking may be moved.
/// </summary>
public sealed class AppointmentService
{
    public int Id { get; private set; }

    public required int PostId { get; init; }

    public required ServiceKind Kind { get; init; }

    public int DurationMinutes { get; set; } = 20;

    /// <summary>Counters working in parallel: one slot per counter per period.</summary>
    public int Counters { get; set; } = 1;

    public bool Active { get; set; } = true;

    /// <summary>A booking needs the number of a submitted online application of this post (the default for visas).</summary>
    public bool RequiresApplication { get; set; }

    /// <summary>The service fee in minor units (cents), shown to the person; null when the service is free.</summary>
    public long? FeeMinor { get; set; }

    /// <summary>ISO 4217 currency of the fee.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>The booking holds only once the fee is paid (confirmed by the payment provider's signed webhook).</summary>
    public bool RequiresPrepayment { get; set; }

    /// <summary>Hours after booking within which the fee must be paid, else the booking lapses and its slot returns to the pool.</summary>
    public int PaymentWindowHours { get; set; } = 24;

    public ReschedulePolicy Rescheduling { get; set; } = ReschedulePolicy.CancelOnly;

    public ReleaseMode Release { get; set; } = ReleaseMode.Progressive;

    /// <summary>Days ahead over which slots are generated and released.</summary>
    public int HorizonDays { get; set; } = 30;

    /// <summary>Smallest and largest number of slots in one progressive batch.</summary>
    public int BatchMin { get; set; } = 5;

    public int BatchMax { get; set; } = 20;

    /// <summary>
    /// Local times of day (post's time zone) inside which batches may be released, e.g. <c>08:00-12:00,14:00-18:00</c>
    /// (<see cref="ReleaseWindows"/>).
    /// </summary>
    public string ReleaseWindowsText { get; set; } = "08:00-18:00";

    /// <summary>The next instant (UTC) a batch is released; drawn at random inside a window after each release.</summary>
    public DateTime? NextReleaseAt { get; set; }

    public ICollection<OpeningHours> Hours { get; } = [];

    public static bool RequiresApplicationByDefault(ServiceKind kind) => kind is ServiceKind.ShortStayVisa or ServiceKind.LongStayVisa;
}
