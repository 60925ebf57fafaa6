namespace Portal.Tests.Infrastructure;

/// <summary>A TimeProvider that stands still until a test moves it (Microsoft's testing package is not served here).</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
