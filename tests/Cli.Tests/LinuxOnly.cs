// These tests run bash scripts and check Unix file modes, as users of the CLI on Linux and macOS would.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
