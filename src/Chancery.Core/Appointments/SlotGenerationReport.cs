namespace Chancery.Core.Appointments;

/// <summary>What one run of <see cref="GenerateSlots"/> did.</summary>
/// <param name="Created">Slots inserted (a slot another instance inserted meanwhile is not counted).</param>
/// <param name="Withdrawn">Unbooked slots no longer in the calendar (a closed day, shorter hours, fewer counters).</param>
/// <param name="Restored">Withdrawn slots back in the calendar (a closed day removed), returned to the pool.</param>
/// <param name="BookedOutside">Booked slots no longer in the calendar: staff must contact the people.</param>
public sealed record SlotGenerationReport(int Created, int Withdrawn, int Restored, int BookedOutside);
