using System.Text.Json.Serialization;
using ExpenseFlow.BuildingBlocks.Infrastructure.Security;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;

namespace ExpenseFlow.HttpApi.Host.Composition;

public static class Api
{
    private static readonly string[] Cultures = ["zh-CN", "en"];

    public static WebApplicationBuilder AddExpenseFlowLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
    }

    public static IServiceCollection AddExpenseFlowApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Behind nginx (etc/deploy): trust X-Forwarded-* only from the proxies listed in ReverseProxy:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.Configure<RequestSecurityOptions>(configuration.GetSection("Security"));
        services.AddProblemDetails();
        // Binding failures throw (instead of an empty 400), so the exception handler can answer them with a code and the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSingleton<ApiFallback>();
        // A long query or address is answered by the API (a coded 400/404), not refused by Kestrel with an empty 414.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestLineSize = 64 * 1024);
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddAuthorization();
        services.AddRequestLocalization(options =>
        {
            options.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ExpenseFlow API";
            document.Info.Description = "Expense reimbursement: organization, claims, approvals, payments, insights. Errors are RFC 7807 ProblemDetails with a stable `code`.";
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, _, _) =>
        {
            // Every operation can be refused at the edge (Web/RequestEdge, Web/Input/InputRules): say so in the document.
            operation.Responses ??= [];
            operation.Responses.TryAdd("400", new Microsoft.OpenApi.OpenApiResponse
            {
                Description = "ProblemDetails: Request.MalformedJson, Request.InvalidParameter, Request.InvalidInput (errors keyed by JSON path or parameter), "
                    + "Request.MalformedMultipart, Request.ValueOutOfRange, or a rule of the operation (its module's code).",
            });
            if (operation.RequestBody is not null)
            {
                operation.Responses.TryAdd("415", new Microsoft.OpenApi.OpenApiResponse { Description = "ProblemDetails Request.UnsupportedMediaType: JSON must be UTF-8." });
            }

            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication UseExpenseFlowPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging();
        // Localization first, so errors caught by the exception handler are written in the caller's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseProblemStatusPages();
        app.UseRequestSecurity();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: only a caller who may use the endpoint gets a multipart body read.
        app.UseRequestEdge();
        return app;
    }

    public static WebApplication MapExpenseFlowDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "ExpenseFlow v1");
            options.RoutePrefix = "api-docs";
            options.DocumentTitle = "ExpenseFlow API";
        });
        return app;
    }

    /// <summary>The Angular build with SPA fallback; unknown /api paths answer 404 ProblemDetails instead of the portal.</summary>
    public static WebApplication MapExpenseFlowPortal(this WebApplication app)
    {
        app.Map("/api/{**rest}", (HttpContext context, ApiFallback fallback) => fallback.Answer(context)).ExcludeFromDescription();
        app.MapFallbackToFile("index.html");
        return app;
    }
}
