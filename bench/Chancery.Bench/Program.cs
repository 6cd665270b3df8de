using Chancery.Bench.Booking;
using Chancery.Bench.Breach;
using Chancery.Bench.Screening;

// `scripts/bench.sh NAME [options]`: one benchmark per name, each printing a table and writing JSON.
const string Benchmarks = "benchmarks: screening, booking, breach";

return args switch
{
    ["screening", .. var options] => ScreeningBenchmark.Run(options),
    ["booking", .. var options] => BookingBenchmark.Run(options),
    ["breach", .. var options] => BreachBenchmark.Run(options),
    [] => Fail($"bench: name a benchmark. {Benchmarks}"),
    [var name, ..] => Fail($"bench: unknown benchmark '{name}'. {Benchmarks}"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
