using ExpenseFlow.BuildingBlocks;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Tests.Api;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Import;

public class ImportPeopleTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private const string Header = "employeeNo,displayName,email,phone,departmentCode,gradeCode,managerEmployeeNo,costCentreCode,roles,bankName,bankAccountNumber,bankAccountName,cnapsCode";

    private static MultipartFormDataContent Csv(string text)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        file.Headers.ContentType = new("text/csv");
        content.Add(file, "file", "people.csv");
        return content;
    }

    [Fact]
    public async Task Import_RowWithANulCharacter_IsRejectedWithItsReason_AndTheOtherRowsImport()
    {
        // Issue 23: the NUL reached PostgreSQL (22021) and the whole import answered 500.
        using var admin = await app.SignInAsync("admin");
        var csv = string.Join('\n', Header, "N300,郑\0一,zheng1@import-nul.cn,,RND,G1,,,Employee,,,,", "N301,郑二,zheng2@import-nul.cn,,RND,G1,,,Employee,,,,");

        var response = await admin.PostAsync("/api/organization/people/import", Csv(csv));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<ImportReport>())!;
        (report.Created, report.Rejected).ShouldBe((1, 1));
        report.Rows.Single(r => r.Status == "rejected").Errors.ShouldContain(e => e.Contains("displayName", StringComparison.Ordinal) && e.Contains("NUL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_KeepsGoodRows_RejectsBadRowsWithReasons()
    {
        using var admin = await app.SignInAsync("admin");
        var csv = string.Join('\n',
            Header,
            "N100,钱一,qian1@import.cn,,SALES-E,G1,N101,CC-SALES,Employee,招商银行,6225880011112222,钱一,308290003020", // manager defined further down
            "N101,钱二,qian2@import.cn,,SALES-E,G3,E0006,CC-SALES,Employee;Approver,,,,",
            "N102,钱三,not-an-email,,SALES,G1,,,Employee,,,,",
            "N103,钱四,qian4@import.cn,,NOPE,G9,,CC-X,Boss,,,,",
            "N104,钱五,qian5@import.cn,,RND,G1,N999,,Employee,,,,",
            "N105,钱六,qian6@import.cn,,RND,G1,,,Employee,工商银行,12ab,,",
            "N100,钱一重复,qian1b@import.cn,,RND,G1,,,Employee,,,,",
            "N106,钱七,dev1@demo.expenseflow.local,,RND,G1,,,Employee,,,,");

        var response = await admin.PostAsync("/api/organization/people/import", Csv(csv));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = (await response.Content.ReadFromJsonAsync<ImportReport>())!;
        report.Created.ShouldBe(2);
        report.Updated.ShouldBe(0);
        report.Rejected.ShouldBe(6);
        var rows = report.Rows.ToDictionary(r => r.Row);
        rows[2].Status.ShouldBe("created");
        rows[3].Status.ShouldBe("created");
        rows[4].Errors.ShouldContain(e => e.Contains("not-an-email"));
        rows[5].Errors.Count.ShouldBe(4); // department, grade, cost centre, role
        rows[6].Errors.ShouldContain(e => e.Contains("N999"));
        rows[7].Errors.ShouldContain(e => e.Contains("8 to 32 digits"));
        rows[8].Errors.ShouldContain(e => e.Contains("N100"));
        rows[9].Errors.ShouldContain(e => e.Contains("dev1@demo.expenseflow.local"));

        var people = (await admin.GetFromJsonAsync<PagedResult<PersonListItemDto>>("/api/organization/people?search=import.cn"))!;
        people.Items.Select(p => p.EmployeeNo).ShouldBe(["N100", "N101"], ignoreOrder: true);
        people.Items.Single(p => p.EmployeeNo == "N100").ManagerName.ShouldBe("钱二");
        people.Items.Single(p => p.EmployeeNo == "N101").Roles.ShouldBe(["Approver", "Employee"]);
        using var finance = await app.SignInAsync("finance1");
        var accounts = await finance.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{people.Items.Single(p => p.EmployeeNo == "N100").Id}/bank-accounts");
        accounts!.Single().AccountNumber.ShouldBe("6225880011112222");
    }

    [Fact]
    public async Task Reimport_UpdatesInsteadOfDuplicating()
    {
        using var admin = await app.SignInAsync("admin");
        var first = Header + "\nR200,孙一,sun1@reimport.cn,,RND,G1,,CC-RND,Employee,招商银行,6225880033334444,孙一,\n";
        var second = Header + "\nR200,孙一（改）,sun1@reimport.cn,13800000000,SALES,G2,E0006,CC-SALES,Employee;Approver,招商银行,6225880033334444,孙一,308290003020\n";

        (await (await admin.PostAsync("/api/organization/people/import", Csv(first))).Content.ReadFromJsonAsync<ImportReport>())!.Created.ShouldBe(1);
        var report = (await (await admin.PostAsync("/api/organization/people/import", Csv(second))).Content.ReadFromJsonAsync<ImportReport>())!;

        report.Updated.ShouldBe(1);
        report.Created.ShouldBe(0);
        var page = (await admin.GetFromJsonAsync<PagedResult<PersonListItemDto>>("/api/organization/people?search=reimport.cn"))!;
        var person = page.Items.ShouldHaveSingleItem();
        person.DisplayName.ShouldBe("孙一（改）");
        person.DepartmentName.ShouldBe("销售部");
        person.ManagerName.ShouldBe("陈志强");
        person.Roles.ShouldBe(["Approver", "Employee"]);
        var detail = await admin.GetFromJsonAsync<PersonDto>($"/api/organization/people/{person.Id}");
        detail!.BankAccounts.ShouldHaveSingleItem().CnapsCode.ShouldBe("308290003020");
    }

    [Fact]
    public async Task Reimport_ChangingAnEmployeesPayoutAccount_WaitsForFinance_AndChangesNothingUntilConfirmed()
    {
        using var admin = await app.SignInAsync("admin");
        using var finance = await app.SignInAsync("finance2");
        var id = await app.PersonIdAsync("dev4");
        var before = (await finance.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{id}/bank-accounts"))!.Single();
        // Same number, other bank and CNAPS code: the money would go elsewhere, so it is a change like any other.
        var csv = Header + $"\nE0017,郭静,dev4@demo.expenseflow.local,,RND,G1,E0012,CC-RND,Employee,某某银行,{before.AccountNumber},郭静,999999999999\n";

        var report = (await (await admin.PostAsync("/api/organization/people/import", Csv(csv))).Content.ReadFromJsonAsync<ImportReport>())!;

        report.Updated.ShouldBe(1);
        var after = (await finance.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{id}/bank-accounts"))!.Single();
        (after.Status, after.BankName, after.CnapsCode, after.IsDefault).ShouldBe(("Pending", before.BankName, before.CnapsCode, true), "the proposal waits beside the account");
        var change = await finance.ChangeForAsync(after.Id);
        (change.Kind, change.BankName, change.CnapsCode, change.MadeByName).ShouldBe(("Updated", "某某银行", "999999999999", "系统管理员"));
        (await finance.PostAsync($"/api/organization/bank-account-changes/{change.Id}/confirm", null)).EnsureSuccessStatusCode();
        after = (await finance.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{id}/bank-accounts"))!.Single();
        (after.Status, after.BankName, after.CnapsCode).ShouldBe(("Active", "某某银行", "999999999999"));
    }

    [Fact]
    public async Task Import_RefusesManagerLoopsWithinTheFile()
    {
        using var admin = await app.SignInAsync("admin");
        var csv = Header + "\nL1,甲,l1@loop.cn,,,,L2,,,,,,\nL2,乙,l2@loop.cn,,,,L1,,,,,,\nL3,丙,l3@loop.cn,,,,,,,,,,\n";
        var report = (await (await admin.PostAsync("/api/organization/people/import", Csv(csv))).Content.ReadFromJsonAsync<ImportReport>())!;

        report.Created.ShouldBe(1);
        report.Rows.Where(r => r.Status == "rejected").Select(r => r.EmployeeNo).ShouldBe(["L1", "L2"], ignoreOrder: true);
    }

    [Fact]
    public async Task Import_WithoutRequiredColumns_IsAProblem_NotAPartialImport()
    {
        using var admin = await app.SignInAsync("admin", "zh-CN");
        var body = await (await admin.PostAsync("/api/organization/people/import", Csv("name,mail\nA,a@b.cn\n"))).ShouldBeProblemAsync(400, "Organization.ImportBadHeader");
        body.GetProperty("detail").GetString()!.ShouldContain("employeeNo");
        await (await admin.PostAsync("/api/organization/people/import", new MultipartFormDataContent())).ShouldBeProblemAsync(400, "Request.MalformedMultipart");
        var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await (await admin.PostAsync("/api/organization/people/import", noFile)).ShouldBeProblemAsync(400, "Organization.ImportFileMissing");
    }
}
