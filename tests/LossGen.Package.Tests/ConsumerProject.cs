namespace LossGen.Package.Tests;

/// <summary>A fresh console project in a folder of its own that references only the packed LossGen package, from the local feed.</summary>
internal static class ConsumerProject
{
    /// <summary>Writes nuget.config, Consumer.csproj (with <paramref name="properties"/> added) and Program.cs into <paramref name="folder"/>.</summary>
    public static void Write(string folder, PackedPackage package, string program, string properties = "")
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LossGen" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
    }

    /// <summary>Runs dotnet with an empty package cache of the test's own, so only the local feed can serve LossGen.</summary>
    public static (int ExitCode, string Output) Dotnet(string arguments, string folder, string packages) =>
        ProcessRunner.Run("dotnet", arguments, folder, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages });
}
