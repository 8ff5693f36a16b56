using ExpenseFlow.Approvals.Application;
using ExpenseFlow.Expenses.Application;
using ExpenseFlow.Organization.Application;
using ExpenseFlow.Payments.Application;
using ExpenseFlow.Insights.Application;

namespace ExpenseFlow.HttpApi.Host.Composition;

/// <summary>The modules this host runs. A new module is one line in each method.</summary>
public static class Modules
{
    public static IServiceCollection AddExpenseFlowModules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOrganizationModule(configuration);
        services.AddExpensesModule(configuration);
        services.AddApprovalsModule(configuration);
        services.AddPaymentsModule(configuration);
        services.AddInsightsModule(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapExpenseFlowModules(this IEndpointRouteBuilder endpoints)
    {
        // Every module endpoint gets the declared input rules (Web/Input/InputRules): one mechanism, no endpoint forgets it.
        var api = endpoints.MapGroup(string.Empty).AddEndpointFilterFactory(ExpenseFlow.BuildingBlocks.Infrastructure.Web.Input.InputRules.Factory);
        api.MapOrganizationEndpoints();
        api.MapExpensesEndpoints();
        api.MapApprovalsEndpoints();
        api.MapPaymentsEndpoints();
        api.MapInsightsEndpoints();
        return endpoints;
    }
}
