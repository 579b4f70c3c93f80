using System.Reflection;
using LossGen.Training;
using nietras.SeparatedValues;

/// <summary>The real data sets of samples/data, read with Sep, split and standardized.</summary>
static class DataSets
{
    static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "data", file);

    /// <summary>Where a sample writes its plots: out/ beside its project.</summary>
    public static string OutputDirectory()
    {
        string project = typeof(DataSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "SampleDirectory").Value!;
        string directory = Path.Combine(project, "out");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>569 rows of 30 features and the class (0 malignant, 1 benign).</summary>
    public static (double[][] Features, double[] Labels) BreastCancer()
    {
        // The first line is a summary ("569,30,malignant,benign"), not column names: skip it.
        using var reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromFile(PathOf("breast_cancer.csv"));
        var features = new List<double[]>();
        var labels = new List<double>();
        foreach (SepReader.Row row in reader)
        {
            if (row.RowIndex == 0)
            {
                continue;
            }
            features.Add(row[0..30].Parse<double>().ToArray());
            labels.Add(row[30].Parse<double>());
        }
        return (features.ToArray(), labels.ToArray());
    }

    /// <summary>442 rows of 10 raw features (age, sex, BMI, blood pressure, six serum values) and the disease progression.</summary>
    public static (double[][] Features, double[] Targets) Diabetes()
    {
        using var features = Sep.New(' ').Reader(o => o with { HasHeader = false }).FromFile(PathOf("diabetes_data_raw.csv"));
        using var targets = Sep.New(' ').Reader(o => o with { HasHeader = false }).FromFile(PathOf("diabetes_target.csv"));
        double[][] x = features.Enumerate(row => row[0..10].Parse<double>().ToArray()).ToArray();
        double[] y = targets.Enumerate(row => row[0].Parse<double>()).ToArray();
        return (x, y);
    }

    /// <summary>150 iris flowers: 4 measurements in cm (sepal length and width, petal length and width) and the species 0, 1, 2.</summary>
    public static (double[][] Features, int[] Labels, string[] Species) Iris()
    {
        // The first line is a summary ("150,4,setosa,versicolor,virginica"): the species' names.
        using var reader = Sep.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromFile(PathOf("iris.csv"));
        var features = new List<double[]>();
        var labels = new List<int>();
        string[] species = [];
        foreach (SepReader.Row row in reader)
        {
            if (row.RowIndex == 0)
            {
                species = [row[2].ToString(), row[3].ToString(), row[4].ToString()];
                continue;
            }
            features.Add(row[0..4].Parse<double>().ToArray());
            labels.Add(row[4].Parse<int>());
        }
        return (features.ToArray(), labels.ToArray(), species);
    }

    /// <summary>1797 handwritten digits: 8 × 8 images (64 pixels row by row, values 0–16) and the digit 0–9.</summary>
    public static (double[][] Features, int[] Labels) Digits()
    {
        using var reader = Sep.Reader(o => o with { HasHeader = false }).FromFile(PathOf("digits.csv"));
        var features = new List<double[]>();
        var labels = new List<int>();
        foreach (SepReader.Row row in reader)
        {
            features.Add(row[0..64].Parse<double>().ToArray());
            labels.Add(row[64].Parse<int>());
        }
        return (features.ToArray(), labels.ToArray());
    }

    /// <summary>A seeded shuffle of the row indices cut into a training part (the first <paramref name="trainFraction"/>) and a test part.</summary>
    public static (int[] Train, int[] Test) Split(int rows, double trainFraction, ulong seed)
    {
        int[] order = Enumerable.Range(0, rows).ToArray();
        new SeededRandom(seed).Shuffle(order.AsSpan());
        int cut = (int)Math.Round(rows * trainFraction);
        return (order[..cut], order[cut..]);
    }

    /// <summary>
    /// Row-major features standardized with the training rows' means and standard deviations (never the test rows').
    /// A column that is constant over the training rows (a digit image's always-blank corner) is only centred.
    /// </summary>
    public static (double[] Train, double[] Test) Standardize(double[][] features, int[] train, int[] test)
    {
        int d = features[0].Length;
        var mean = new double[d];
        var sd = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = train.Average(i => features[i][j]);
            sd[j] = Math.Sqrt(train.Average(i => (features[i][j] - mean[j]) * (features[i][j] - mean[j])));
            if (sd[j] == 0)
            {
                sd[j] = 1;
            }
        }
        double[] Rows(int[] rows) => rows.SelectMany(i => Enumerable.Range(0, d).Select(j => (features[i][j] - mean[j]) / sd[j])).ToArray();
        return (Rows(train), Rows(test));
    }
}
