namespace Chancery.Core.Screening.Import;

/// <summary>A read-only pass-through that reports the bytes read so far, every 64 KiB and at the end.</summary>
internal sealed class ProgressStream(Stream inner, IProgress<long>? progress) : Stream
{
    private const long Step = 64 * 1024;
    private long position;
    private long lastReported;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Advance(read);
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Advance(read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Advance(int read)
    {
        position += read;
        if (progress is not null && (position - lastReported >= Step || (read == 0 && position != lastReported)))
        {
            lastReported = position;
            progress.Report(position);
        }
    }
}
