using ExpenseFlow.BuildingBlocks.Infrastructure.Security;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Application.Access;
using ExpenseFlow.Organization.Application.Account;
using ExpenseFlow.Organization.Application.BankAccounts;
using ExpenseFlow.Organization.Application.Delegations;
using ExpenseFlow.Organization.Application.Import;
using ExpenseFlow.Organization.Application.People;
using ExpenseFlow.Organization.Application.Reference;
using ExpenseFlow.Organization.Application.Security;
using ExpenseFlow.Organization.Application.Seeding;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.Organization.Application;

public static class OrganizationModule
{
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOrganizationInfrastructure(configuration);
        foreach (var grant in OrganizationPermissions.Grants)
        {
            services.AddSingleton(grant);
        }

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<OrganizationSeeder>();
        services.AddScoped<AccountChanges>();
        services.AddScoped<BuildingBlocks.Infrastructure.Persistence.IModuleMigrator, OrganizationMigrator>();
        services.AddDataProtection().SetApplicationName("ExpenseFlow").PersistKeysToDbContext<OrganizationDbContext>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<OrganizationDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PermissionClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<PermissionClaimsFactory>();
        services.Configure<LoginThrottleOptions>(configuration.GetSection("Security:Login"));
        services.AddSingleton<LoginThrottle>();
        // Deactivation changes the security stamp: every cookie is checked against it this often, and roles changed
        // meanwhile are refreshed into the cookie at the same check.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Security:SessionCheckSeconds", 5)));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ExpenseFlow.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/login";
            // Replacing the events drops Identity's own check of the security stamp: it is put back here, or a
            // deactivated person's cookie would stay good until it expires.
            options.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                OnRedirectToLogin = ctx => RespondOrRedirect(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => RespondOrRedirect(ctx, StatusCodes.Status403Forbidden),
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/organization");
        group.MapAccount();
        var people = group.MapGroup("/people").WithTags("People");
        people.MapGet("/", ListPeople.HandleAsync).RequireAuthorization(OrganizationPermissions.PeopleRead);
        people.MapGet("/lookup", LookupPeople.HandleAsync).RequireAuthorization();
        people.MapGet("/{id:guid}", GetPerson.HandleAsync).RequireAuthorization();
        people.MapPost("/", SavePerson.CreateAsync).RequireAuthorization(OrganizationPermissions.Manage);
        people.MapPut("/{id:guid}", SavePerson.UpdateAsync).RequireAuthorization(OrganizationPermissions.Manage);
        people.MapPost("/{id:guid}/password", SavePerson.SetPasswordAsync).RequireAuthorization(OrganizationPermissions.Manage);
        group.MapRoleGrants();
        people.MapPost("/import", ImportPeople.HandleAsync).RequireAuthorization(OrganizationPermissions.Manage)
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
        group.MapBankAccounts();
        group.MapAccountChanges();
        group.MapDepartments();
        group.MapReferenceData();
        group.MapDelegations();
        return endpoints;
    }

    private static Task RespondOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return BuildingBlocks.Infrastructure.Web.ApiProblems.WriteAsync(context.HttpContext,
                status == StatusCodes.Status401Unauthorized ? BuildingBlocks.Infrastructure.Web.ApiProblems.Unauthenticated : BuildingBlocks.Infrastructure.Web.ApiProblems.Forbidden);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
