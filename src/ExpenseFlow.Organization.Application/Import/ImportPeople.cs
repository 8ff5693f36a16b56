using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Application.Access;
using ExpenseFlow.Organization.Application.BankAccounts;
using ExpenseFlow.Organization.Application.People;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Import;

/// <summary>
/// CSV import of employees. Each row is checked on its own; bad rows are reported with their reasons and skipped,
/// good rows are written in one transaction. A row whose employee number exists updates that person.
/// </summary>
internal static class ImportPeople
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public static readonly Error FileMissing = new("Organization.ImportFileMissing", ErrorKind.Validation,
        "Attach a CSV file in the form field 'file'.", "请在表单字段“file”中附上CSV文件。");

    public static readonly Error FileTooLarge = new("Organization.ImportFileTooLarge", ErrorKind.Validation,
        $"The file is larger than {MaxBytes / 1024 / 1024} MB or has more than {MaxRows} rows.", $"文件超过{MaxBytes / 1024 / 1024} MB或超过{MaxRows}行。");

    public static readonly Error BadHeader = new("Organization.ImportBadHeader", ErrorKind.Validation,
        "The CSV header must contain at least employeeNo, displayName and email.", "CSV表头至少需要包含 employeeNo、displayName 和 email。");

    public static Error ControlCharacter(string column) => new("Organization.ImportControlCharacter", ErrorKind.Validation,
        $"The column {column} holds a control character (such as NUL); the row was not imported.", $"列 {column} 含有控制字符（如 NUL），该行未导入。");

    public static async Task<Ok<ImportReport>> HandleAsync(
        HttpRequest request, OrganizationDbContext db, UserManager<AppUser> users, AccountChanges changes, ICurrentUser caller, TimeProvider clock,
        CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null || file.Length == 0)
        {
            throw new DomainException(FileMissing);
        }

        if (file.Length > MaxBytes)
        {
            throw new DomainException(FileTooLarge);
        }

        List<ImportRow> rows;
        await using (var stream = file.OpenReadStream())
        {
            rows = await ReadAsync(stream, ct);
        }

        var plan = await ImportPlanner.PlanAsync(db, rows, ct);
        await ApplyAsync(db, users, changes, plan, caller.PersonId, clock.GetUtcNow(), ct);
        var results = rows.Select(r => new ImportRowResult(r.Line, r.EmployeeNo, r.Errors.Count > 0 ? "rejected" : r.Existing is null ? "created" : "updated", r.Errors)).ToList();
        return TypedResults.Ok(new ImportReport(
            results.Count(r => r.Status == "created"), results.Count(r => r.Status == "updated"), results.Count(r => r.Status == "rejected"), results));
    }

    internal static async Task<List<ImportRow>> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToUpperInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
        };
        using var csv = new CsvReader(reader, config);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header ||
            new[] { "EMPLOYEENO", "DISPLAYNAME", "EMAIL" }.Any(h => !header.Select(x => x.Trim().ToUpperInvariant()).Contains(h)))
        {
            throw new DomainException(BadHeader);
        }

        var rows = new List<ImportRow>();
        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            if (rows.Count >= MaxRows)
            {
                throw new DomainException(FileTooLarge);
            }

            var unreadable = new List<string>();
            string? Get(string name)
            {
                var value = csv.TryGetField<string>(name.ToUpperInvariant(), out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
                if (value is null || !value.Any(c => char.IsControl(c) && c != '\t'))
                {
                    return value;
                }

                // A NUL or another control character failed in PostgreSQL, so the whole import answered 500: only this row is refused now.
                unreadable.Add(name);
                return null;
            }

            var row = new ImportRow
            {
                Line = csv.Parser.RawRow,
                EmployeeNo = Get("employeeNo"),
                DisplayName = Get("displayName"),
                Email = Get("email"),
                Phone = Get("phone"),
                DepartmentCode = Get("departmentCode"),
                GradeCode = Get("gradeCode"),
                ManagerEmployeeNo = Get("managerEmployeeNo"),
                CostCentreCode = Get("costCentreCode"),
                Roles = Get("roles"),
                BankName = Get("bankName"),
                BankAccountNumber = Get("bankAccountNumber"),
                BankAccountName = Get("bankAccountName"),
                CnapsCode = Get("cnapsCode"),
            };
            foreach (var column in unreadable)
            {
                row.Errors.Add(ControlCharacter(column).Message(CultureInfo.CurrentUICulture));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task ApplyAsync(
        OrganizationDbContext db, UserManager<AppUser> users, AccountChanges changes, ImportPlan plan, Guid? actor, DateTimeOffset at, CancellationToken ct)
    {
        var good = plan.Rows.Where(r => r.Errors.Count == 0).ToList();
        if (good.Count == 0)
        {
            return;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in good)
        {
            var person = row.Existing ?? Person.Create(Guid.CreateVersion7(), row.EmployeeNo!, row.DisplayName!, row.Email!, row.Phone);
            person.Rename(row.EmployeeNo!, row.DisplayName!, row.Email!, row.Phone);
            if (row.Existing is null)
            {
                db.People.Add(person);
            }

            row.Person = person;
        }

        await db.SaveChangesAsync(ct);
        var ids = good.ToDictionary(r => r.EmployeeNo!, r => r.Person!.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var row in good)
        {
            var person = row.Person!;
            Guid? managerId = row.ManagerEmployeeNo is null ? null : ids.GetValueOrDefault(row.ManagerEmployeeNo, plan.ExistingIds.GetValueOrDefault(row.ManagerEmployeeNo));
            // Loops were refused while planning, over the whole graph as it will be after the import.
            person.Place(row.DepartmentId, row.GradeCode, managerId, [], row.CostCentreCode);
            await UpsertLoginAsync(db, users, person, row, actor, at, ct);
            if (row.BankAccountNumber is not null)
            {
                await UpsertAccountAsync(db, changes, actor ?? throw new DomainException(BuildingBlocks.Infrastructure.Web.ApiProblems.Forbidden), person, row, ct);
            }

            db.Publish(row.Existing is null
                ? new PersonRegistered(person.Id, person.EmployeeNo, person.DisplayName, person.DepartmentId, person.ManagerId)
                : new PersonChanged(person.Id, person.DepartmentId, person.ManagerId, person.GradeCode, person.CostCentreCode, person.IsActive));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task UpsertLoginAsync(
        OrganizationDbContext db, UserManager<AppUser> users, Person person, ImportRow row, Guid? actor, DateTimeOffset at, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(person.Id.ToString());
        if (user is null)
        {
            user = new AppUser { Id = person.Id, UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.DisplayName };
            PersonPlacement.ThrowIfFailed(await users.CreateAsync(user));
        }
        else
        {
            user.UserName = person.Email;
            user.Email = person.Email;
            user.DisplayName = person.DisplayName;
            PersonPlacement.ThrowIfFailed(await users.UpdateAsync(user));
        }

        if (row.RoleList is { } roles)
        {
            await AccessChanges.SetRolesAsync(db, users, user, roles, actor, at, ct);
        }
        else if ((await users.GetRolesAsync(user)).Count == 0)
        {
            await AccessChanges.SetRolesAsync(db, users, user, [Roles.Employee], actor, at, ct);
        }
    }

    /// <summary>Through the same account-change rules as the API: an administrator's import waits for Finance.</summary>
    private static async Task UpsertAccountAsync(OrganizationDbContext db, AccountChanges changes, Guid actor, Person person, ImportRow row, CancellationToken ct)
    {
        var number = row.NormalizedAccountNumber!;
        var fields = new AccountFields(row.BankAccountName ?? person.DisplayName, row.BankName!, row.CnapsCode, number);
        var existing = await db.BankAccounts.AsNoTracking().Where(a => a.PersonId == person.Id && a.AccountNumber == number).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            await changes.UpdateDetailsAsync(person.Id, id, actor, fields, ct);
            return;
        }

        await changes.AddAsync(person.Id, actor, fields, isDefault: false, ct);
    }
}
