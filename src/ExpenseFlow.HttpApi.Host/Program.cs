using ExpenseFlow.HttpApi.Host.Composition;

var builder = WebApplication.CreateBuilder(args);

builder.AddExpenseFlowLogging();
builder.Services.AddExpenseFlowApi(builder.Configuration);
builder.Services.AddExpenseFlowModules(builder.Configuration);
builder.Services.AddExpenseFlowJobs(builder.Configuration);
builder.Services.AddExpenseFlowHealth();

var app = builder.Build();

app.UseExpenseFlowPipeline();
app.MapExpenseFlowDocs();
app.MapExpenseFlowHealth();
app.MapExpenseFlowJobsDashboard();
app.MapExpenseFlowModules();
app.MapExpenseFlowPortal();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
