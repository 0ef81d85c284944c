using Microsoft.AspNetCore.Components.Authorization;
using TechZone.Platform.Identity;

namespace TechZone.Platform;

/// <summary>
/// Runs one use case in its own DI scope, as an HTTP request would: a fresh ZoneDb per call (a Blazor circuit
/// lives for hours and may call twice at once), with the signed-in user of the circuit as <see cref="CurrentUser"/>.
/// Interactive pages call services through this; endpoints get the request scope directly.
/// </summary>
public sealed class ScopedRunner(IServiceScopeFactory scopes, AuthenticationStateProvider authState)
{
    public async Task<T> Run<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        var state = await authState.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(state.User);
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task Run<TService>(Func<TService, Task> call) where TService : notnull =>
        Run<TService, bool>(async s => { await call(s); return true; });
}
