using Chancery.Core.Cases;
using Chancery.Core.Common;

namespace Chancery.Core.Tests.Cases;

public sealed class CaseLifecycleTests
{
    /// <summary>Every legal step, written out by hand from the register's lifecycle so the table in code is checked against it.</summary>
    public static TheoryData<CaseState, CaseAction, bool, CaseState> LegalSteps => new()
    {
        { CaseState.Submitted, CaseAction.StartChecks, true, CaseState.ChecksPending },
        { CaseState.ChecksPending, CaseAction.RecordChecks, true, CaseState.ChecksCleared },
        { CaseState.ChecksPending, CaseAction.RecordChecks, false, CaseState.Hit },
        { CaseState.ChecksCleared, CaseAction.RecordChecks, true, CaseState.ChecksCleared },
        { CaseState.ChecksCleared, CaseAction.RecordChecks, false, CaseState.Hit },
        { CaseState.HitResolved, CaseAction.RecordChecks, true, CaseState.HitResolved },
        { CaseState.HitResolved, CaseAction.RecordChecks, false, CaseState.Hit },
        { CaseState.Approved, CaseAction.RecordChecks, true, CaseState.Approved },
        { CaseState.Approved, CaseAction.RecordChecks, false, CaseState.Hit },
        { CaseState.Printed, CaseAction.RecordChecks, true, CaseState.Printed },
        { CaseState.Printed, CaseAction.RecordChecks, false, CaseState.Hit },
        { CaseState.Hit, CaseAction.ResolveHit, true, CaseState.HitResolved },
        { CaseState.Hit, CaseAction.ResolveHit, false, CaseState.Refused },
        { CaseState.ChecksCleared, CaseAction.Approve, true, CaseState.Approved },
        { CaseState.HitResolved, CaseAction.Approve, true, CaseState.Approved },
        { CaseState.ChecksCleared, CaseAction.Refuse, true, CaseState.Refused },
        { CaseState.HitResolved, CaseAction.Refuse, true, CaseState.Refused },
        { CaseState.Approved, CaseAction.Print, true, CaseState.Printed },
        { CaseState.Printed, CaseAction.Reprint, true, CaseState.Printed },
        { CaseState.Printed, CaseAction.IssueInPerson, true, CaseState.Issued },
        { CaseState.Printed, CaseAction.Dispatch, true, CaseState.Dispatched },
        { CaseState.Dispatched, CaseAction.Deliver, true, CaseState.Delivered },
        { CaseState.Issued, CaseAction.Close, true, CaseState.Closed },
        { CaseState.Delivered, CaseAction.Close, true, CaseState.Closed },
        { CaseState.Refused, CaseAction.Close, true, CaseState.Closed },
        { CaseState.Withdrawn, CaseAction.Close, true, CaseState.Closed },
        { CaseState.Submitted, CaseAction.Withdraw, true, CaseState.Withdrawn },
        { CaseState.ChecksPending, CaseAction.Withdraw, true, CaseState.Withdrawn },
        { CaseState.ChecksCleared, CaseAction.Withdraw, true, CaseState.Withdrawn },
        { CaseState.Hit, CaseAction.Withdraw, true, CaseState.Withdrawn },
        { CaseState.HitResolved, CaseAction.Withdraw, true, CaseState.Withdrawn },
        { CaseState.Approved, CaseAction.Withdraw, true, CaseState.Withdrawn },
        { CaseState.Printed, CaseAction.Invalidate, true, CaseState.Invalidated },
        { CaseState.Issued, CaseAction.Invalidate, true, CaseState.Invalidated },
        { CaseState.Dispatched, CaseAction.Invalidate, true, CaseState.Invalidated },
        { CaseState.Delivered, CaseAction.Invalidate, true, CaseState.Invalidated },
        { CaseState.Closed, CaseAction.Invalidate, true, CaseState.Invalidated },
    };

    [Theory]
    [MemberData(nameof(LegalSteps))]
    public void Next_LegalStep_GoesToExpectedState(CaseState from, CaseAction action, bool passed, CaseState expected)
    {
        var next = CaseLifecycle.Next(from, action, passed);

        Assert.True(next.IsSuccess, next.Error?.Message);
        Assert.Equal(expected, next.Value);
    }

    [Fact]
    public void Next_EveryStepNotInTheTable_IsRefusedAsConflict()
    {
        var legal = LegalSteps.Select(row => ((CaseState)row[0], (CaseAction)row[1])).ToHashSet();
        var refused = 0;
        foreach (var state in Enum.GetValues<CaseState>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                if (legal.Contains((state, action)))
                    continue;
                var next = CaseLifecycle.Next(state, action);
                Assert.False(next.IsSuccess, $"{state} --{action}--> should be refused");
                Assert.Equal(ErrorKind.Conflict, next.Error.Kind);
                Assert.Equal("case.illegal-transition", next.Error.Code);
                Assert.Contains(state.ToString(), next.Error.Message, StringComparison.Ordinal);
                refused++;
            }
        }

        Assert.True(refused > 150, $"only {refused} illegal steps checked");
    }

    [Fact]
    public void Available_FromEveryState_MatchesTheTable()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            var expected = LegalSteps.Where(r => (CaseState)r[0] == state).Select(r => (CaseAction)r[1]).Distinct().Order();
            Assert.Equal(expected, CaseLifecycle.Available(state).Order());
        }
    }

    [Fact]
    public void Print_FromSubmitted_NamesTheStatesItIsAllowedFrom()
    {
        var next = CaseLifecycle.Next(CaseState.Submitted, CaseAction.Print);

        Assert.Contains("Approved", next.Error!.Message, StringComparison.Ordinal);
    }
}
