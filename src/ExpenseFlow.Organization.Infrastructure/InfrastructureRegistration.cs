using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Organization.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.Organization.Infrastructure;

public static class InfrastructureRegistration
{
    public static IServiceCollection AddOrganizationInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<OrganizationDbContext>(configuration, OrganizationDbContext.SchemaName);
        services.AddIntegrationEventsFrom(typeof(PersonRegistered).Assembly);
        services.AddSingleton(BankAccountSettings.From(configuration));
        services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        return services;
    }
}
