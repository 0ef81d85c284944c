using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Tokens;

/// <summary>Issuing, listing, revoking and checking personal access tokens. Issue and revoke are security events.</summary>
public sealed class TokenService(ZoneDb db, CurrentUser current)
{
    public const string SecretPrefix = "tz_";

    public async Task<IssuedToken> IssueAsync(IssueTokenRequest request)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == request.UserName)
            ?? throw new DomainException("UnknownUser", request.UserName);
        if (user.IsDisabled) throw new DomainException("UserDisabled", request.UserName);

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTime.UtcNow;
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = request.Name.Trim(),
            Prefix = secret[..10],
            SecretHash = Hash(secret),
            CreatedUtc = now,
            CreatedBy = current.UserName,
            ExpiresUtc = now.AddDays(request.ExpiresInDays),
        };
        db.Add(token);
        AuditTrail.Security(db, "TokenIssued", null, new { token = token.Name, forUser = user.UserName, token.Prefix, expiresUtc = token.ExpiresUtc });
        await db.SaveChangesAsync();
        return new IssuedToken(token.Id, token.Name, user.UserName!, token.ExpiresUtc, secret);
    }

    public async Task<IReadOnlyList<TokenItem>> ListAsync()
    {
        var now = DateTime.UtcNow;
        return await db.Set<ApiToken>().AsNoTracking()
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { t, u.UserName })
            .OrderByDescending(x => x.t.CreatedUtc)
            .Select(x => new TokenItem(x.t.Id, x.t.Name, x.UserName!, x.t.Prefix, x.t.CreatedUtc, x.t.ExpiresUtc, x.t.RevokedUtc,
                x.t.LastUsedUtc, x.t.RevokedUtc == null && x.t.ExpiresUtc > now))
            .ToListAsync();
    }

    public async Task<bool> RevokeAsync(int id)
    {
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == id);
        if (token is null) return false;
        if (token.RevokedUtc is not null) return true;
        token.RevokedUtc = DateTime.UtcNow;
        token.RevokedBy = current.UserName;
        AuditTrail.Security(db, "TokenRevoked", null, new { token = token.Name, token.Prefix });
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The active token with this secret, or null. Records when it was last used (at most once a minute).</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.SecretHash == hash);
        var now = DateTime.UtcNow;
        if (token is null || !token.IsActive(now)) return null;
        if (token.LastUsedUtc is null || now - token.LastUsedUtc > TimeSpan.FromMinutes(1))
        {
            // Bookkeeping, not a business change: no audit entry per request.
            db.AuditRows = false;
            token.LastUsedUtc = now;
            await db.SaveChangesAsync();
            db.AuditRows = true;
        }
        return token;
    }

    static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
