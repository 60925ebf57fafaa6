using System.Globalization;
using System.Text;

namespace Portal.Core.Integration;

/// <summary>
/// Run durations of an hour, kept as counts in log-scale bins (four per doubling, from 10 ms) instead of every value, so
/// an hourly bucket stays a few hundred bytes however many runs it holds and buckets merge by adding counts (ADR-022).
/// A percentile is read as the upper edge of the bin holding it: at most 19 % (2^¼) above the true value, never below,
/// which is what an SLA view wants from p50/p95.
/// </summary>
public sealed class DurationHistogram
{
    public const double FirstEdgeMilliseconds = 10;
    public const int BinsPerDoubling = 4;
    /// <summary>Bin 0 holds runs under 10 ms; the last bin reaches past the 31-day maximum run length.</summary>
    public const int BinCount = 1 + 28 * BinsPerDoubling + 1;

    private readonly long[] _counts = new long[BinCount];

    public long Count { get; private set; }

    public static int BinOf(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        if (ms < FirstEdgeMilliseconds)
            return 0;
        var bin = 1 + (int)Math.Floor(Math.Log2(ms / FirstEdgeMilliseconds) * BinsPerDoubling);
        return Math.Min(bin, BinCount - 1);
    }

    /// <summary>The upper edge of a bin: every duration in it is shorter.</summary>
    public static TimeSpan UpperEdge(int bin) =>
        TimeSpan.FromMilliseconds(FirstEdgeMilliseconds * Math.Pow(2, (double)bin / BinsPerDoubling));

    public void Add(TimeSpan duration) => Add(BinOf(duration), 1);

    public void Merge(DurationHistogram other)
    {
        for (var i = 0; i < BinCount; i++)
            if (other._counts[i] != 0)
                Add(i, other._counts[i]);
    }

    /// <summary>The duration at or below which <paramref name="share"/> of the runs fall (nearest rank), or null without runs.</summary>
    public TimeSpan? Percentile(double share)
    {
        if (Count == 0)
            return null;
        var rank = Math.Max(1, (long)Math.Ceiling(share * Count));
        long seen = 0;
        for (var i = 0; i < BinCount; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return UpperEdge(i);
        }
        return UpperEdge(BinCount - 1);
    }

    /// <summary>Sparse text "bin:count;bin:count" — most hours use a handful of bins.</summary>
    public string Encode()
    {
        var text = new StringBuilder();
        for (var i = 0; i < BinCount; i++)
        {
            if (_counts[i] == 0)
                continue;
            if (text.Length > 0)
                text.Append(';');
            text.Append(i.ToString(CultureInfo.InvariantCulture)).Append(':').Append(_counts[i].ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    public static DurationHistogram Decode(string? text)
    {
        var histogram = new DurationHistogram();
        if (string.IsNullOrEmpty(text))
            return histogram;
        foreach (var pair in text.Split(';'))
        {
            var colon = pair.IndexOf(':');
            histogram.Add(int.Parse(pair[..colon], CultureInfo.InvariantCulture), long.Parse(pair[(colon + 1)..], CultureInfo.InvariantCulture));
        }
        return histogram;
    }

    private void Add(int bin, long count)
    {
        _counts[bin] += count;
        Count += count;
    }
}
