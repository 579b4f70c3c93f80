using System.Globalization;
using System.Text;

namespace LossGen.Generator.Tests.Infrastructure;

/// <summary>
/// Seeded random formulas drawn from the grammar of docs/dsl.md. <see cref="Smooth"/> keeps every
/// function inside its domain (log of 1 + u², sqrt of 1 + u², ...), for finite-difference checks;
/// <see cref="Any"/> uses the whole language, conditionals and kinks included.
/// </summary>
internal sealed class RandomFormulas(int seed)
{
    private readonly Random _random = new(seed);
    private static readonly string[] Variables = { "p", "y", "a", "b" };

    public string Smooth(int size) => SmoothExpr(size);

    public string Any(int size) => AnyExpr(size);

    private string Leaf()
    {
        if (_random.NextDouble() < 0.25)
        {
            return (_random.NextDouble() * 3 + 0.1).ToString("0.###", CultureInfo.InvariantCulture);
        }
        return Variables[_random.Next(Variables.Length)];
    }

    private string SmoothExpr(int size)
    {
        if (size <= 1)
        {
            return Leaf();
        }
        int choice = _random.Next(14);
        int left = 1 + _random.Next(Math.Max(1, size - 1));
        int right = Math.Max(1, size - 1 - left);
        string A() => SmoothExpr(size - 1);
        return choice switch
        {
            0 => $"({SmoothExpr(left)} + {SmoothExpr(right)})",
            1 => $"({SmoothExpr(left)} - {SmoothExpr(right)})",
            2 => $"({SmoothExpr(left)} * {SmoothExpr(right)})",
            3 => $"({SmoothExpr(left)} / (1.5 + ({SmoothExpr(right)})^2))",
            4 => $"exp(0.1 * sin_({A()}))".Replace("sin_", "tanh"),
            5 => $"log(1 + ({A()})^2)",
            6 => $"sqrt(1 + ({A()})^2)",
            7 => $"tanh({A()})",
            8 => $"sigmoid({A()})",
            9 => $"softplus({A()})",
            10 => $"({A()})^{_random.Next(2, 4)}",
            11 => $"pow(1 + ({SmoothExpr(left)})^2, 0.5 * tanh({SmoothExpr(right)}))",
            12 => $"log1p(({A()})^2)",
            _ => $"-({A()})",
        };
    }

    private string AnyExpr(int size)
    {
        if (size <= 1)
        {
            return Leaf();
        }
        int left = 1 + _random.Next(Math.Max(1, size - 1));
        int right = Math.Max(1, size - 1 - left);
        string A() => AnyExpr(size - 1);
        string L() => AnyExpr(left);
        string R() => AnyExpr(right);
        return _random.Next(22) switch
        {
            0 => $"{L()} + {R()}",
            1 => $"({L()}) - ({R()})",
            2 => $"({L()}) * ({R()})",
            3 => $"({L()}) / ({R()})",
            4 => $"exp({A()})",
            5 => $"log({A()})",
            6 => $"sqrt({A()})",
            7 => $"abs({A()})",
            8 => $"sign({A()})",
            9 => $"min({L()}, {R()})",
            10 => $"max({L()}, {R()})",
            11 => $"clamp({A()}, -1, 1)",
            12 => $"({L()}) > ({R()}) ? {L()} : {R()}",
            13 => $"({L()}) <= 0 && ({R()}) != 1 ? {A()} : 0",
            14 => $"xlogy({L()}, {R()})",
            15 => $"({A()})^{_random.Next(-3, 5)}",
            16 => $"pow({L()}, {R()})",
            17 => $"sigmoid({A()})",
            18 => $"softplus({A()})",
            19 => $"log1p({A()})",
            20 => $"tanh({A()})",
            _ => $"-({A()})",
        };
    }

    /// <summary>Random text: printable noise, formula characters, control characters and unicode, including lone surrogates.</summary>
    public string Noise(int length)
    {
        const string alphabet = "pyab0123456789.eE+-*/^(),;=?:<>!&| \t\n_xyzexplogsqrtmaxminclamp";
        var text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            int kind = _random.Next(10);
            text.Append(kind switch
            {
                < 7 => alphabet[_random.Next(alphabet.Length)],
                7 => (char)_random.Next(0, 32),
                8 => (char)_random.Next(0x80, 0x3000),
                _ => (char)_random.Next(0xD800, 0xE000),
            });
        }
        return text.ToString();
    }

    /// <summary>A random edit of <paramref name="text"/>: deletion, insertion, replacement, duplication or truncation.</summary>
    public string Mutate(string text)
    {
        if (text.Length == 0)
        {
            return Noise(3);
        }
        int at = _random.Next(text.Length);
        string insert = Noise(1 + _random.Next(3));
        return _random.Next(5) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, insert),
            2 => text.Remove(at, 1).Insert(at, insert),
            3 => text.Insert(at, text.Substring(at, Math.Min(8, text.Length - at))),
            _ => text.Substring(0, at),
        };
    }
}
