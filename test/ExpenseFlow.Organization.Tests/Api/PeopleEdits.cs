using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;

namespace ExpenseFlow.Organization.Tests.Api;

/// <summary>An administrator's edit of a person as the portal sends it: the person as read, with some fields changed.</summary>
internal static class PeopleEdits
{
    public static async Task<HttpResponseMessage> PutPersonAsync(this HttpClient admin, Guid id, bool? isActive = null, IReadOnlyList<string>? roles = null)
    {
        var p = (await admin.GetFromJsonAsync<PersonDto>($"/api/organization/people/{id}"))!;
        return await admin.PutAsJsonAsync($"/api/organization/people/{id}", new
        {
            p.EmployeeNo, p.DisplayName, p.Email, p.Phone, p.DepartmentId, p.GradeCode, p.ManagerId, p.CostCentreCode,
            roles = roles ?? p.Roles, isActive = isActive ?? p.IsActive,
        });
    }
}
