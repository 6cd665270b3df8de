using System.Diagnostics.CodeAnalysis;

namespace Chancery.Core.Common;

/// <summary>Either a value or an <see cref="Error"/>.</summary>
public readonly struct Result<T> : IEquatable<Result<T>>
{
    private readonly T? value;

    private Result(T? value, Error? error)
    {
        this.value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? value! : throw new InvalidOperationException($"No value: {Error.Message}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

#pragma warning disable CA2225 // Implicit conversions keep operation code readable; Success/Failure are the named alternates.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
#pragma warning restore CA2225

    public bool Equals(Result<T> other) => EqualityComparer<T?>.Default.Equals(value, other.value) && Equals(Error, other.Error);

    public override bool Equals(object? obj) => obj is Result<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(value, Error);

    public static bool operator ==(Result<T> left, Result<T> right) => left.Equals(right);

    public static bool operator !=(Result<T> left, Result<T> right) => !left.Equals(right);
}
