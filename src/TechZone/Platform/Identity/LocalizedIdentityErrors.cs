using Microsoft.AspNetCore.Identity;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Identity;

/// <summary>Identity's own messages (password rules, duplicate names) in the user's language.</summary>
sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), PlatformStrings.Identity_DefaultError);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), PlatformStrings.Identity_PasswordMismatch);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Format(PlatformStrings.Identity_PasswordTooShort, length));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), PlatformStrings.Identity_PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), PlatformStrings.Identity_PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), PlatformStrings.Identity_PasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), PlatformStrings.Identity_PasswordRequiresNonAlphanumeric);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), string.Format(PlatformStrings.Identity_PasswordRequiresUniqueChars, uniqueChars));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), string.Format(PlatformStrings.Identity_DuplicateUserName, userName));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), string.Format(PlatformStrings.Identity_InvalidUserName, userName));
}
