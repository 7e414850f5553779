using System.Reflection;
using System.Runtime.Versioning;

namespace AutoSend.Runtime.Tests;

/// <summary>
/// These sources run twice: against the runtime's net10.0 build (AutoSend.Runtime.Tests) and against its
/// netstandard2.0 build (AutoSend.Runtime.Tests.NetStandard). This proves which one a run has loaded.
/// </summary>
public sealed class TargetFrameworkTests
{
    [Fact]
    public void The_runtime_under_test_is_the_build_this_project_asks_for()
    {
#if AUTOSEND_RUNTIME_NETSTANDARD
        const string expected = ".NETStandard,Version=v2.0";
#else
        const string expected = ".NETCoreApp,Version=v10.0";
#endif
        Assert.Equal(expected, typeof(ApiClientOptions).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
    }
}
