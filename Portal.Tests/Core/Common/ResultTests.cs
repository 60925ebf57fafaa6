using Portal.Core.Common;

namespace Portal.Tests.Core.Common;

public sealed class ResultTests
{
    [Fact]
    public void A_success_has_no_errors_and_carries_its_value()
    {
        var result = Result<int>.Success(42);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void A_failure_keeps_every_error_in_order_and_has_no_value()
    {
        var result = Result<int>.Failure([new FieldError("Name", "Required."), new FieldError("Systems", "Too many.")]);

        Assert.False(result.Succeeded);
        Assert.Equal([new FieldError("Name", "Required."), new FieldError("Systems", "Too many.")], result.Errors);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void A_single_field_failure_names_its_field()
    {
        var result = Result.Failure("UserId", "Choose a user.");

        Assert.Equal(new FieldError("UserId", "Choose a user."), Assert.Single(result.Errors));
    }

    [Fact]
    public void FieldErrors_counts_length_after_trimming_and_treats_blank_as_missing()
    {
        var errors = new FieldErrors();

        errors.Required("A", "  ", "A", 5);
        errors.Required("B", "  12345  ", "B", 5);
        errors.MaxLength("C", "123456", "C", 5);
        errors.MaxLength("D", null, "D", 5);

        Assert.Equal(
            [new FieldError("A", "A is required."), new FieldError("C", "C must be at most 5 characters (it has 6).")],
            errors.ToList());
    }
}
