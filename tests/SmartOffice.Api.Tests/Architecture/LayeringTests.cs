using System.Reflection;
using System.Runtime.CompilerServices;

namespace SmartOffice.Api.Tests.Architecture;

/// <summary>
/// Services speak the domain: only endpoint classes (and the problem-details mapping) deal in HTTP results, so pages
/// and other services use the same services without casting typed results back.
/// </summary>
[TestClass]
public sealed class LayeringTests
{
    [TestMethod]
    public void Only_endpoints_and_the_problem_mapping_return_http_results()
    {
        var offenders = typeof(Program)
            .Assembly.GetTypes()
            .Where(t => !IsEndpointOrMapping(t))
            .SelectMany(t =>
                t.GetMethods(
                        BindingFlags.Instance
                            | BindingFlags.Static
                            | BindingFlags.Public
                            | BindingFlags.NonPublic
                            | BindingFlags.DeclaredOnly
                    )
                    .Where(m => ReturnsHttpResult(m.ReturnType))
                    .Select(m => $"{t.FullName}.{m.Name}")
            )
            .ToList();

        Assert.IsEmpty(offenders, string.Join(Environment.NewLine, offenders));
    }

    private static bool IsEndpointOrMapping(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        // WorkspaceSetup maps the workspace's few routes that are not pages (the language switch).
        return outer.Name.EndsWith("Endpoint", StringComparison.Ordinal)
            || outer.Name.EndsWith("Endpoints", StringComparison.Ordinal)
            || outer.Name == "WorkspaceSetup"
            || outer.Namespace == "SmartOffice.Api.Errors"
            || outer.GetCustomAttribute<CompilerGeneratedAttribute>() is not null
            || outer.Name.StartsWith('<');
    }

    private static bool ReturnsHttpResult(Type type)
    {
        if (
            type.IsGenericType
            && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(Task<>) || generic == typeof(ValueTask<>))
        )
        {
            return ReturnsHttpResult(type.GetGenericArguments()[0]);
        }

        return type.Namespace == "Microsoft.AspNetCore.Http.HttpResults"
            || type == typeof(Microsoft.AspNetCore.Http.IResult);
    }
}
