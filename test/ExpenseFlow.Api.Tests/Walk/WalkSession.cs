using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.TestBase;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// One demo user's browser: a cookie session, and who it is (GET /api/organization/account/me) so the walk notices when
/// a request changed or ended the session (logout, a login as somebody else) and signs in again.
/// </summary>
public sealed class WalkSession(Uri baseAddress, string login) : IDisposable
{
    public const string MePath = "/api/organization/account/me";
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Login { get; } = login;

    public HttpClient Http { get; } = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The /me answer right after signing in; null before.</summary>
    public string? Me { get; private set; }

    public int SignIns { get; private set; }

    public async Task SignInAsync()
    {
        Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await Http.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail(Login), password = TestDatabase.DemoPassword });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the walk could not sign in as {Login}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Me = await Http.GetStringAsync(MePath);
        SignIns++;
    }

    /// <summary>Whether the session is still this user's.</summary>
    public async Task<bool> IsIntactAsync()
    {
        var response = await Http.GetAsync(MePath);
        return response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == Me;
    }

    /// <summary>Signs in again if the session was ended or taken over; one caller at a time, the others wait and reuse it.</summary>
    public async Task RepairAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!await IsIntactAsync())
            {
                await SignInAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        _gate.Dispose();
    }
}
