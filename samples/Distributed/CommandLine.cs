namespace Distributed;

/// <summary>The sample's arguments: <c>--silo N --ports …</c> (a silo process), <c>--measure</c>, <c>--rows</c>, <c>--columns</c>.</summary>
internal sealed record CommandLine(int? Silo, int[] Ports, bool Measure, int? Rows, int? Columns)
{
    public static CommandLine Parse(string[] args)
    {
        int? silo = null, rows = null, columns = null;
        int[] ports = [];
        bool measure = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
            switch (args[i])
            {
                case "--silo": silo = int.Parse(Next()); break;
                case "--ports": ports = Next().Split(',').Select(int.Parse).ToArray(); break;
                case "--measure": measure = true; break;
                case "--rows": rows = int.Parse(Next()); break;
                case "--columns": columns = int.Parse(Next()); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}' (use --measure, --rows N, --columns D).", nameof(args));
            }
        }
        if (rows is < 1000 || columns is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(args), "--rows must be at least 1000 and --columns at least 1.");
        }
        return new CommandLine(silo, ports, measure, rows, columns);
    }
}
