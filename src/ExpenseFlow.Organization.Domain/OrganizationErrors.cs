using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Organization.Domain;

/// <summary>Every rule of the Organization module that a caller can break, with its stable code.</summary>
public static class OrganizationErrors
{
    public static Error InvalidTaxId(string value) => new("Organization.InvalidTaxId", ErrorKind.Validation,
        $"'{value}' is not a valid unified social credit code (18 characters with a correct check character).",
        $"“{value}”不是有效的统一社会信用代码（18位且校验位正确）。");

    public static Error Required(string field, string fieldZh) => new("Organization.Required", ErrorKind.Validation,
        $"{field} is required.", $"{fieldZh}为必填项。");

    public static Error TooLong(string field, string fieldZh, int max) => new("Organization.TooLong", ErrorKind.Validation,
        $"{field} must be at most {max} characters.", $"{fieldZh}不能超过{max}个字符。");

    public static Error InvalidEmail(string value) => new("Organization.InvalidEmail", ErrorKind.Validation,
        $"'{value}' is not a valid e-mail address.", $"“{value}”不是有效的电子邮箱地址。");

    public static readonly Error ManagerCycle = new("Organization.ManagerCycle", ErrorKind.Validation,
        "This manager would create a loop in the reporting line.", "该上级设置会使汇报关系形成循环。");

    public static readonly Error DepartmentCycle = new("Organization.DepartmentCycle", ErrorKind.Validation,
        "A department cannot be placed under itself or one of its sub-departments.", "部门不能放在其自身或其下级部门之下。");

    public static readonly Error DepartmentNotEmpty = new("Organization.DepartmentNotEmpty", ErrorKind.Conflict,
        "The department still has sub-departments or members.", "该部门仍有下级部门或成员。");

    public static readonly Error DelegationDates = new("Organization.DelegationDates", ErrorKind.Validation,
        "The delegation must end on or after the day it starts.", "代理结束日期不能早于开始日期。");

    public static readonly Error DelegationToSelf = new("Organization.DelegationToSelf", ErrorKind.Validation,
        "A person cannot delegate to themselves.", "不能将审批代理给自己。");

    public static readonly Error DelegationOverlap = new("Organization.DelegationOverlap", ErrorKind.Conflict,
        "This person already has a delegation covering some of these days.", "该人员在这些日期内已有代理设置。");

    public static Error InvalidAccountNumber(string value) => new("Organization.InvalidAccountNumber", ErrorKind.Validation,
        $"Account number '{Mask(value)}' must be 8 to 32 digits.", $"银行账号“{Mask(value)}”应为8至32位数字。");

    public static Error InvalidCnaps(string value) => new("Organization.InvalidCnaps", ErrorKind.Validation,
        $"CNAPS bank code '{value}' must be 12 digits.", $"联行号“{value}”应为12位数字。");

    public static Error UnknownRole(string value) => new("Organization.UnknownRole", ErrorKind.Validation,
        $"'{value}' is not a role (Employee, Approver, Finance, Admin, Management).", $"“{value}”不是有效角色（Employee、Approver、Finance、Admin、Management）。");

    public static Error UnknownDepartment(string value) => new("Organization.UnknownDepartment", ErrorKind.Validation,
        $"Department '{value}' does not exist.", $"部门“{value}”不存在。");

    public static Error UnknownGrade(string value) => new("Organization.UnknownGrade", ErrorKind.Validation,
        $"Grade '{value}' does not exist.", $"职级“{value}”不存在。");

    public static Error UnknownCostCentre(string value) => new("Organization.UnknownCostCentre", ErrorKind.Validation,
        $"Cost centre '{value}' does not exist.", $"成本中心“{value}”不存在。");

    public static Error UnknownManager(string value) => new("Organization.UnknownManager", ErrorKind.Validation,
        $"Manager '{value}' does not exist.", $"上级“{value}”不存在。");

    public static Error DuplicateEmployeeNo(string value) => new("Organization.DuplicateEmployeeNo", ErrorKind.Conflict,
        $"Employee number '{value}' is already used.", $"工号“{value}”已被使用。");

    public static Error DuplicateEmail(string value) => new("Organization.DuplicateEmail", ErrorKind.Conflict,
        $"E-mail '{value}' is already used.", $"邮箱“{value}”已被使用。");

    public static Error DuplicateCode(string value) => new("Organization.DuplicateCode", ErrorKind.Conflict,
        $"Code '{value}' is already used.", $"编码“{value}”已被使用。");

    public static Error WeakPassword(string details) => new("Organization.WeakPassword", ErrorKind.Validation,
        $"The password does not meet the policy: {details}", $"密码不符合策略：{details}");

    public static readonly Error InvalidCredentials = new("Organization.InvalidCredentials", ErrorKind.Unauthorized,
        "E-mail or password is incorrect.", "邮箱或密码错误。");

    public static readonly Error LockedOut = new("Organization.LockedOut", ErrorKind.Locked,
        "Too many failed sign-ins: the account is locked for a while.", "登录失败次数过多，账户已被暂时锁定。");

    public static readonly Error AccountDeactivated = new("Organization.AccountDeactivated", ErrorKind.Forbidden,
        "This account has been deactivated. Ask your administrator to reactivate it.", "该账户已停用，请联系管理员重新启用。");

    public static readonly Error TooManyAttempts = new("Organization.TooManyAttempts", ErrorKind.TooManyRequests,
        "Too many failed sign-ins from this network address. Try again later.", "此网络地址登录失败次数过多，请稍后再试。");

    public static readonly Error GrantAlreadyDecided = new("Organization.GrantAlreadyDecided", ErrorKind.Conflict,
        "This role grant has already been confirmed or rejected.", "该角色授予已被确认或驳回。");

    public static readonly Error GrantNeedsAnotherAdministrator = new("Organization.GrantNeedsAnotherAdministrator", ErrorKind.Forbidden,
        "A second administrator, neither the requester nor the person receiving the roles, must decide this grant.",
        "须由另一位管理员（既非申请人，也非被授予人）决定该角色授予。");

    public static readonly Error GrantNotFound = Error.NotFound("Organization.GrantNotFound", "The role grant", "该角色授予");

    public static readonly Error PersonNotFound = Error.NotFound("Organization.PersonNotFound", "The person", "该人员");
    public static readonly Error DepartmentNotFound = Error.NotFound("Organization.DepartmentNotFound", "The department", "该部门");
    public static readonly Error GradeNotFound = Error.NotFound("Organization.GradeNotFound", "The grade", "该职级");
    public static readonly Error CostCentreNotFound = Error.NotFound("Organization.CostCentreNotFound", "The cost centre", "该成本中心");
    public static readonly Error LegalEntityNotFound = Error.NotFound("Organization.LegalEntityNotFound", "The legal entity", "该法人实体");
    public static readonly Error DelegationNotFound = Error.NotFound("Organization.DelegationNotFound", "The delegation", "该代理设置");
    public static readonly Error BankAccountNotFound = Error.NotFound("Organization.BankAccountNotFound", "The bank account", "该银行账户");

    public static readonly Error AccountChangeNotFound = Error.NotFound("Organization.AccountChangeNotFound", "The bank account change", "该银行账户变更");

    public static readonly Error BankAccountChangePending = new("Organization.BankAccountChangePending", ErrorKind.Conflict,
        "A change to this person's bank accounts is waiting for a finance confirmation: it must be confirmed or rejected (or withdrawn by removing that account) first.",
        "该人员的银行账户已有一项变更等待财务确认，须先确认或驳回（或删除该账户以撤回）。");

    public static readonly Error AccountChangeDecided = new("Organization.AccountChangeDecided", ErrorKind.Conflict,
        "This bank account change has already been decided.", "该银行账户变更已被处理。");

    public static readonly Error AccountChangeInEffect = new("Organization.AccountChangeInEffect", ErrorKind.Conflict,
        "The owner made this change themselves and it is already in effect: it can be confirmed early, not rejected. Remove the account instead.",
        "该变更由账户本人提交且已生效，只能提前确认，不能驳回；如有疑问请删除该账户。");

    public static readonly Error OwnAccountChange = new("Organization.OwnAccountChange", ErrorKind.Forbidden,
        "Nobody confirms or rejects a change they made or a change to their own accounts: another finance user must.",
        "不能确认或驳回自己提交的变更或本人账户的变更，须由另一位财务人员处理。");

    public static Error DuplicateBankAccount(string number) => new("Organization.DuplicateBankAccount", ErrorKind.Conflict,
        $"Account {Mask(number)} is already one of this person's accounts.", $"账户{Mask(number)}已是该人员的银行账户。");

    public static string Mask(string value) =>
        value.Length <= 4 ? new string('*', value.Length) : new string('*', value.Length - 4) + value[^4..];
}
