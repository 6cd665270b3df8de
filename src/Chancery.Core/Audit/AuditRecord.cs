namespace Chancery.Core.Audit;

/// <summary>
/// What a caller asks <see cref="AuditLog"/> to append: one look at, or one change to, one person's data.
/// The log adds the position, the time and the leaf hash.
/// </summary>
/// <param name="ActorKind"><c>staff</c>, <c>api</c>, <c>applicant</c> or <c>system</c>.</param>
/// <param name="ActorId">The staff user id, <c>api:&lt;client&gt;</c>, or the applicant's record.</param>
/// <param name="ActorName">A name an auditor recognises.</param>
/// <param name="Component">The part of Chancery that acted, e.g. <c>page:/staff/cases/detail</c>.</param>
/// <param name="Action"><c>read</c> or <c>write</c>.</param>
/// <param name="RecordType">The record read or written: <c>case</c>, <c>booking</c>, <c>draft</c>, …</param>
/// <param name="RecordId">Its identifier.</param>
/// <param name="SubjectType">Whose data: <c>person</c>, <c>booking</c>, <c>draft</c>, …</param>
/// <param name="SubjectId">Their identifier.</param>
/// <param name="Fields">The fields shown or changed, by name.</param>
/// <param name="PostId">The post whose register holds the record, when there is one.</param>
/// <param name="Address">The remote address of the request.</param>
/// <param name="Reason">Why: the page's purpose or the reason the agent gave.</param>
public sealed record AuditRecord(
    string ActorKind,
    string ActorId,
    string ActorName,
    string Component,
    string Action,
    string RecordType,
    string RecordId,
    string SubjectType,
    string SubjectId,
    IReadOnlyList<string> Fields,
    int? PostId,
    string? Address,
    string? Reason);
