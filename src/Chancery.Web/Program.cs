using Chancery.Web.Localization;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.Services.AddChanceryLocalization();
var app = builder.Build();
app.UseStaticFiles();
app.UseChanceryLocalization();
app.UseRouting();
app.MapRazorPages();
app.MapGet("/health/live", () => "ok");
await app.RunAsync();

public partial class Program;
