using System.Text;
using PspPortal.Web.Infrastructure.Security;

namespace PspPortal.Tests.Security;

public class OneTimeAuthenticatorTokenProviderTests
{
    // RFC 6238 appendix B, SHA-1 secret, last 6 of the 8 digits given there.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(20000000000L, "353130")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(expected, OneTimeAuthenticatorTokenProvider.ComputeCode(secret, unixSeconds / 30));
    }

    [Fact]
    public void Base32_keys_decode_as_rfc_4648_says_ignoring_spaces_and_case()
    {
        Assert.True(OneTimeAuthenticatorTokenProvider.TryFromBase32("MZXW 6YTB oi======", out var bytes));
        Assert.Equal("foobar", Encoding.ASCII.GetString(bytes));
        Assert.False(OneTimeAuthenticatorTokenProvider.TryFromBase32("NOT-BASE32!", out _));
    }
}
