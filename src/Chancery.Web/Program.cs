using Chancery.Web.Cli;

return await CommandLine.RunAsync(args, Console.Out, Console.Error);

/// <summary>The entry point, named for the test host.</summary>
public partial class Program;
