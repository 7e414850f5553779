#if NETSTANDARD2_0
using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace AutoSend.Runtime.Compat
{
    /// <summary>The hashing and hex members of .NET 5 and later that netstandard2.0 lacks, for webhook signatures.</summary>
    internal static class CryptoCompat
    {
        extension(HMACSHA256)
        {
            /// <summary>The HMAC-SHA256 of <paramref name="source"/> under <paramref name="key"/>.</summary>
            public static byte[] HashData(byte[] key, ReadOnlySpan<byte> source)
            {
                using var hmac = new HMACSHA256(key);
                return hmac.ComputeHash(source.ToArray());
            }
        }

        extension(Convert)
        {
            /// <summary>Decodes hexadecimal digits (either case); throws a <see cref="FormatException"/> as .NET 5 and later do.</summary>
            public static byte[] FromHexString(string s)
            {
                ArgumentNullException.ThrowIfNull(s);
                if (s.Length % 2 != 0)
                {
                    throw new FormatException("The input is not a valid hex string as its length is not a multiple of 2.");
                }

                byte[] bytes = new byte[s.Length / 2];
                for (int i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)((Digit(s[2 * i]) << 4) | Digit(s[(2 * i) + 1]));
                }

                return bytes;

                static int Digit(char c) => c switch
                {
                    >= '0' and <= '9' => c - '0',
                    >= 'a' and <= 'f' => c - 'a' + 10,
                    >= 'A' and <= 'F' => c - 'A' + 10,
                    _ => throw new FormatException("The input is not a valid hex string as it contains a non-hex character."),
                };
            }
        }
    }
}

namespace System.Security.Cryptography
{
    /// <summary>
    /// The constant-time comparison of .NET Core 2.1 and later, for netstandard2.0: a signature check must take as long
    /// for a wrong first byte as for a wrong last one, so that timing reveals nothing of the expected value.
    /// </summary>
    internal static class CryptographicOperations
    {
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
        {
            // Lengths are not secret (a signature's length is public); the contents are compared without an early exit.
            if (left.Length != right.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < left.Length; i++)
            {
                difference |= left[i] ^ right[i];
            }

            return difference == 0;
        }

        /// <summary>Clears a secret's bytes in a way the JIT does not remove as a dead store.</summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        public static void ZeroMemory(Span<byte> buffer) => buffer.Clear();
    }
}
#endif
