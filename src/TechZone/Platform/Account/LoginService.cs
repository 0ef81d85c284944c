using Microsoft.AspNetCore.Identity;
using TechZone.Data;
using TechZone.Platform.Audit;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Account;

public enum LoginResult { Succeeded, Failed, LockedOut }

public sealed record LoginOutcome(LoginResult Result, int LockoutMinutes = 0, string? PreferredCulture = null);

/// <summary>
/// Password sign-in with lockout. A disabled or unknown account fails exactly like a wrong password.
/// Every attempt is a security event in the audit trail.
/// </summary>
public sealed class LoginService(SignInManager<ZoneUser> signIn, UserManager<ZoneUser> users, ZoneDb db, ILogger<LoginService> log)
{
    public async Task<LoginOutcome> SignInAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            log.LogWarning("Sign-in failed for unknown user {UserName}", userName);
            await AuditAsync("SignInFailed", userName, null, new { reason = "unknown user" });
            return new(LoginResult.Failed);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("User {UserName} signed in", userName);
            await AuditAsync("SignIn", userName, user.Id);
            return new(LoginResult.Succeeded, PreferredCulture: user.PreferredCulture);
        }
        if (result.IsLockedOut)
        {
            var end = await users.GetLockoutEndDateAsync(user) ?? DateTimeOffset.UtcNow;
            var minutes = Math.Max(1, (int)Math.Ceiling((end - DateTimeOffset.UtcNow).TotalMinutes));
            log.LogWarning("User {UserName} is locked out", userName);
            await AuditAsync(wasLockedOut ? "SignInFailed" : "LockedOut", userName, user.Id,
                new { reason = user.IsDisabled ? "disabled" : "locked out", lockoutEndUtc = end.UtcDateTime });
            // A disabled account is locked "forever": say only that sign-in failed.
            return user.IsDisabled ? new(LoginResult.Failed) : new(LoginResult.LockedOut, Math.Min(minutes, 24 * 60));
        }
        log.LogWarning("Sign-in failed for {UserName}", userName);
        await AuditAsync("SignInFailed", userName, user.Id, new { reason = user.IsDisabled ? "disabled" : "wrong password" });
        return new(LoginResult.Failed);
    }

    public async Task SignOutAsync(string? userName, string? userId)
    {
        await signIn.SignOutAsync();
        await AuditAsync("SignOut", userName, userId);
    }

    Task AuditAsync(string eventName, string? userName, string? userId, object? details = null)
    {
        AuditTrail.Security(db, eventName, userName, details, userId);
        return db.SaveChangesAsync();
    }
}
