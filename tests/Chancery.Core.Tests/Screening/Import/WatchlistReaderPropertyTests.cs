using System.Text;
using Chancery.Core.Screening.Import;
using CsCheck;

namespace Chancery.Core.Tests.Screening.Import;

public sealed class WatchlistReaderPropertyTests
{
    [Theory]
    [InlineData(WatchlistFormat.OfacSdn, ",\"-0 ;.'()akDOBPsprtcizn19Jan\r\n")]
    [InlineData(WatchlistFormat.UnXml, "<>/=\"'&;!?-[]ADEFGILMNORSTUVXY_019 \n")]
    [InlineData(WatchlistFormat.ChanceryCsv, ",|\"~.-0189 aZ\r\n")]
    public void Read_MutatedRealFile_ThrowsNothingButWatchlistFormatException(WatchlistFormat format, string noise)
    {
        var sample = Sample(format);
        Assert.NotEmpty(WatchlistReader.Read(format, new MemoryStream(Encoding.UTF8.GetBytes(sample)), "Sample").Entries);
        var mutation = Gen.Select(Gen.Int[0, sample.Length - 1], Gen.Int[0, 3], Gen.Char[noise].Array[0, 3]);

        mutation.Array[1, 4].Sample(edits =>
        {
            var text = new StringBuilder(sample);
            foreach (var (at, removed, inserted) in edits)
            {
                var start = Math.Min(at, text.Length);
                text.Remove(start, Math.Min(removed, text.Length - start)).Insert(start, inserted);
            }

            ReadOrFormatException(format, text.ToString());
        }, iter: 2_000);
    }

    [Theory]
    [InlineData(WatchlistFormat.OfacSdn)]
    [InlineData(WatchlistFormat.UnXml)]
    [InlineData(WatchlistFormat.ChanceryCsv)]
    public void Read_FileCutAnywhere_ThrowsNothingButWatchlistFormatException(WatchlistFormat format)
    {
        var sample = Sample(format);

        Gen.Int[0, sample.Length].Sample(cut => ReadOrFormatException(format, sample[..cut]), iter: 500);
    }

    private static void ReadOrFormatException(WatchlistFormat format, string text)
    {
        try
        {
            WatchlistReader.Read(format, new MemoryStream(Encoding.UTF8.GetBytes(text)), "Sample");
        }
        catch (WatchlistFormatException e)
        {
            Assert.DoesNotContain('\n', e.Message);
            Assert.Matches(@"line \d+|before the root element", e.Message);
        }
    }

    // A few kilobytes from the head of each real file (cut at a record or element boundary), so mutations hit
    // real quoting, remarks and nesting.
    private static string Sample(WatchlistFormat format) => format switch
    {
        WatchlistFormat.OfacSdn => string.Concat(File.ReadLines(WatchlistFiles.OfacSdn).Skip(200).Take(30).Select(l => l + "\r\n")),
        WatchlistFormat.UnXml => UnSample(),
        _ => "id,surname,given_names,aliases,birth_dates,nationalities,reason\r\n" +
             "FR-0001,DUPONT,Jean Marie,Jean DUPOND|J. M. Dupont,1970-03-14|1971,FRA,Fraudulent passport application\r\n" +
             "FR-0002,AL-HASSAN,Omar,\"HASSAN, Omar al\",~1980|1975..1978|1980-05,SYR|Syria,\"Forged visa, 2021\"\r\n",
    };

    private static string UnSample()
    {
        var lines = File.ReadLines(WatchlistFiles.UnConsolidated).Take(12).ToList();
        return string.Join('\n', lines) + "\n</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n";
    }
}
