using Microsoft.AspNetCore.Identity;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Account;

public enum LoginResult { Succeeded, Failed, LockedOut }

public sealed record LoginOutcome(LoginResult Result, int LockoutMinutes = 0, string? PreferredCulture = null);

/// <summary>Password sign-in with lockout. A disabled or unknown account fails exactly like a wrong password.</summary>
public sealed class LoginService(SignInManager<ZoneUser> signIn, UserManager<ZoneUser> users, ILogger<LoginService> log)
{
    public async Task<LoginOutcome> SignInAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            log.LogWarning("Sign-in failed for unknown user {UserName}", userName);
            return new(LoginResult.Failed);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserName} signed in", userName);
            return new(LoginResult.Succeeded, PreferredCulture: user.PreferredCulture);
        }
        if (result.IsLockedOut)
        {
            var end = await users.GetLockoutEndDateAsync(user) ?? DateTimeOffset.UtcNow;
            var minutes = Math.Max(1, (int)Math.Ceiling((end - DateTimeOffset.UtcNow).TotalMinutes));
            log.LogWarning("User {UserName} is locked out", userName);
            // A disabled account is locked "forever": say only that sign-in failed.
            return user.IsDisabled ? new(LoginResult.Failed) : new(LoginResult.LockedOut, Math.Min(minutes, 24 * 60));
        }
        log.LogWarning("Sign-in failed for {UserName}", userName);
        return new(LoginResult.Failed);
    }

    public Task SignOutAsync() => signIn.SignOutAsync();
}
