using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Architecture;

/// <summary>Rules of the codebase: every door has a lock, and modules meet only through contracts and services.</summary>
[Collection("sqlite")]
public sealed class ArchitectureTests(SqliteApp app)
{
    static readonly Assembly App = typeof(Program).Assembly;

    /// <summary>Module folders: every top-level namespace except the shared ones.</summary>
    static readonly string[] ModuleNamespaces = App.GetTypes()
        .Select(t => t.Namespace?.Split('.') is ["TechZone", var m, ..] ? m : null)
        .Where(m => m is not null && m is not ("Platform" or "Data"))
        .Distinct().Select(m => "TechZone." + m).ToArray()!;

    [Fact]
    public void EveryEndpoint_NamesAnAuthorizationPolicy_OrIsExplicitlyAnonymous()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var open = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName ?? "?")
            // Files (CSS, scripts, images) and Blazor's own transport carry no data and must load before sign-in.
            .Where(p => !IsStaticOrFramework(p))
            .ToList();
        Assert.True(open.Count == 0, "Endpoints without an authorization policy: " + string.Join(", ", open));
    }

    static bool IsStaticOrFramework(string pattern) =>
        pattern.StartsWith("_blazor") || pattern.StartsWith("/_blazor") || pattern.StartsWith("_framework") || pattern.StartsWith("/_framework")
        || pattern.StartsWith("_content") || pattern.StartsWith("/_content") || pattern.Contains(":file") || pattern.Contains('.') && !pattern.StartsWith("/api");

    [Fact]
    public void EveryPage_NamesAnAuthorizationPolicy_OrIsExplicitlyAnonymous()
    {
        var pages = App.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>().Any()).ToList();
        Assert.NotEmpty(pages);
        var open = pages.Where(t => t.GetCustomAttribute<AuthorizeAttribute>() is null && t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .Select(t => t.FullName).ToList();
        Assert.True(open.Count == 0, "Pages without [Authorize(Policy = ...)] or [AllowAnonymous]: " + string.Join(", ", open));

        var withoutPolicy = pages.Select(t => (t, a: t.GetCustomAttribute<AuthorizeAttribute>()))
            .Where(x => x.a is not null && string.IsNullOrEmpty(x.a.Policy)).Select(x => x.t.FullName).ToList();
        Assert.True(withoutPolicy.Count == 0, "Pages with [Authorize] but no named policy: " + string.Join(", ", withoutPolicy));
    }

    [Fact]
    public void Platform_DependsOnNoModule()
    {
        Assert.NotEmpty(ModuleNamespaces);
        var result = Types.InAssembly(App).That().ResideInNamespace("TechZone.Platform")
            .ShouldNot().HaveDependencyOnAny(ModuleNamespaces).GetResult();
        Assert.True(result.IsSuccessful, "Platform types that use a module: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// A module may use another module only through what that module offers: its services and its contracts
    /// (records, the enums they carry, and interfaces it asks other modules to implement, such as
    /// IEnterpriseTimelineSource), and its policy names. Entities, EF configurations, endpoints and pages stay inside.
    /// </summary>
    [Fact]
    public void Modules_UseEachOther_OnlyThroughContractsAndServices()
    {
        using var module = ModuleDefinition.ReadModule(App.Location);
        var violations = new List<string>();
        foreach (var type in module.Types.SelectMany(Nested))
        {
            var owner = ModuleOf(type.FullName);
            if (owner is null) continue;
            foreach (var used in References(type).Distinct())
            {
                var usedModule = ModuleOf(used);
                if (usedModule is null || usedModule == owner || IsOffered(used, usedModule)) continue;
                violations.Add($"{type.FullName} uses {used}");
            }
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));
    }

    static string? ModuleOf(string fullName) => ModuleNamespaces.FirstOrDefault(m => fullName.StartsWith(m + ".", StringComparison.Ordinal));

    static bool IsOffered(string fullName, string module)
    {
        var type = App.GetType(fullName.Replace('/', '+'));
        if (type is null || type.Namespace != module) return false;
        return type.Name.EndsWith("Service") || type.Name.EndsWith("Policies") || type.GetMethod("<Clone>$") is not null
            || type.IsEnum || type.IsInterface;
    }

    static IEnumerable<TypeDefinition> Nested(TypeDefinition t) => new[] { t }.Concat(t.NestedTypes.SelectMany(Nested));

    static IEnumerable<string> References(TypeDefinition type)
    {
        IEnumerable<TypeReference> refs = [];
        if (type.BaseType is not null) refs = refs.Append(type.BaseType);
        refs = refs.Concat(type.Interfaces.Select(i => i.InterfaceType));
        refs = refs.Concat(type.Fields.Select(f => f.FieldType));
        refs = refs.Concat(type.Properties.Select(p => p.PropertyType));
        foreach (var m in type.Methods)
        {
            refs = refs.Append(m.ReturnType).Concat(m.Parameters.Select(p => p.ParameterType));
            if (!m.HasBody) continue;
            refs = refs.Concat(m.Body.Variables.Select(v => v.VariableType));
            foreach (var i in m.Body.Instructions)
                refs = i.Operand switch
                {
                    TypeReference t => refs.Append(t),
                    MethodReference mr => refs.Append(mr.DeclaringType).Append(mr.ReturnType),
                    FieldReference fr => refs.Append(fr.DeclaringType).Append(fr.FieldType),
                    _ => refs,
                };
        }
        return refs.SelectMany(Flatten).Select(t => t.FullName);
    }

    static IEnumerable<TypeReference> Flatten(TypeReference t) => t switch
    {
        GenericInstanceType g => Flatten(g.ElementType).Concat(g.GenericArguments.SelectMany(Flatten)),
        TypeSpecification s => Flatten(s.ElementType),
        _ => [t],
    };
}
