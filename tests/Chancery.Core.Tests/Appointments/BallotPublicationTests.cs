using System.Text.Json.Nodes;
using Chancery.Core.Appointments;

namespace Chancery.Core.Tests.Appointments;

public sealed class BallotPublicationTests
{
    private static BallotPublication Drawn(int registrations)
    {
        var seed = BallotDraw.NewSeed();
        var ballot = new Ballot
        {
            PostId = 1, ServiceId = 1, OpensAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), ClosesAt = new DateTime(2026, 1, 8, 0, 0, 0, DateTimeKind.Utc),
            Seed = Convert.ToHexStringLower(seed), Commitment = BallotDraw.Commit(seed), State = BallotState.Drawn,
            DrawnAt = new DateTime(2026, 1, 8, 0, 1, 0, DateTimeKind.Utc),
        };
        return BallotPublication.Of(ballot, 3, Enumerable.Range(0, registrations).Select(i => $"{i * 7919:x16}"));
    }

    [Fact]
    public void Verify_PublicationReadBack_Holds()
    {
        var published = Drawn(12);

        var read = BallotPublication.Parse(published.ToJson());

        Assert.True(read.IsSuccess);
        Assert.Equal(12, read.Value.Verify().Value);
        Assert.Equal(published.RegistrationIds.Order(StringComparer.Ordinal), read.Value.RegistrationIds);
    }

    [Fact]
    public void Json_HoldsOnlyTheDrawAndNoPersonalData()
    {
        var json = JsonNode.Parse(Drawn(3).ToJson())!.AsObject();

        Assert.Equal(["ballotId", "algorithm", "commitment", "seed", "drawnAt", "slots", "registrationIds", "order"], json.Select(p => p.Key));
        Assert.Equal(BallotDraw.Algorithm, (string?)json["algorithm"]);
    }

    [Fact]
    public void Verify_AnotherSeed_FailsOnTheCommitment()
    {
        var tampered = Drawn(5) with { Seed = Convert.ToHexStringLower(BallotDraw.NewSeed()) };

        var verdict = tampered.Verify();

        Assert.False(verdict.IsSuccess);
        Assert.Equal("ballot.commitment", verdict.Error.Code);
    }

    [Fact]
    public void Verify_TwoRanksSwapped_FailsOnTheOrderAndSaysWhere()
    {
        var published = Drawn(5);
        var order = published.Order.ToList();
        (order[1], order[2]) = (order[2], order[1]);

        var verdict = (published with { Order = order }).Verify();

        Assert.Equal("ballot.order", verdict.Error!.Code);
        Assert.Contains("rank 2", verdict.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ARegistrationLeftOut_Fails()
    {
        var published = Drawn(5);

        var verdict = (published with { RegistrationIds = published.RegistrationIds.Skip(1).ToList() }).Verify();

        Assert.False(verdict.IsSuccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"ballotId\": 1}")]
    [InlineData("not json")]
    public void Parse_NotAPublication_IsAValidationError(string json)
    {
        Assert.False(BallotPublication.Parse(json).IsSuccess);
    }
}
