// Diabetes: linear regression of disease progression on ten baseline measurements, fitted with the
// catalogue's generated MSE and Huber losses through a LinearObjective and L-BFGS. Shows progress, the
// test MSE and MAE of both fits, and plots predicted against actual values.
using System.Globalization;
using LossGen;
using LossGen.Training;
using ScottPlot;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double delta = 30; // Huber's threshold, in the target's units (its standard deviation is about 77)

(double[][] features, double[] targets) = DataSets.Diabetes();
(int[] train, int[] test) = DataSets.Split(targets.Length, 0.8, seed: 2026);
(double[] xTrain, double[] xTest) = DataSets.Standardize(features, train, test);
double[] yTrain = train.Select(i => targets[i]).ToArray(), yTest = test.Select(i => targets[i]).ToArray();
int d = features[0].Length;
Console.WriteLine($"diabetes: {targets.Length} patients × {d} measurements; {train.Length} for training, {test.Length} held out for testing (seeded split)");
Console.WriteLine();

var options = new LbfgsOptions { MaxIterations = 500, GradientTolerance = 1e-9 };
double[] Fit<TLoss>(string name, TLoss loss)
    where TLoss : struct, IPredictionLoss<double>
{
    using var objective = LinearObjective.Create(xTrain, d, yTrain, loss);
    var theta = new double[d + 1];
    var progress = new ConsoleProgress(name, total: 500, every: 10);
    MinimizationResult<double> result = new Lbfgs<double>(options with { Progress = progress }).Minimize(objective, theta);
    progress.Complete();
    Console.WriteLine($"{name}: {result.Status} after {result.Iterations} iterations, training loss {result.Loss:F4}");
    Console.WriteLine();
    return theta;
}
double[] mse = Fit("MSE", new Losses.MseLossFunction());
double[] huber = Fit($"Huber (δ = {delta})", new Losses.HuberLossFunction(delta));

double[] Predict(double[] theta)
{
    var z = new double[test.Length];
    LinearModel.Predict<double>(xTest, theta.AsSpan(0, d), theta[d], z);
    return z;
}
double[] mseTest = Predict(mse), huberTest = Predict(huber);
(double Mse, double Mae) Errors(double[] predicted) =>
    (predicted.Select((p, i) => (p - yTest[i]) * (p - yTest[i])).Average(), predicted.Select((p, i) => Math.Abs(p - yTest[i])).Average());
(double mseMse, double mseMae) = Errors(mseTest);
(double huberMse, double huberMae) = Errors(huberTest);
double baseline = yTest.Select(y => (y - yTrain.Average()) * (y - yTrain.Average())).Average();
Console.WriteLine($"{"fit",-16} {"test MSE",10} {"test MAE",10}");
Console.WriteLine($"{"MSE",-16} {mseMse,10:F1} {mseMae,10:F2}");
Console.WriteLine($"{"Huber",-16} {huberMse,10:F1} {huberMae,10:F2}");
Console.WriteLine($"{"training mean",-16} {baseline,10:F1} {"",10}   (predicting the training mean for everyone)");

var plot = new Plot();
var a = plot.Add.ScatterPoints(yTest, mseTest);
a.LegendText = "MSE fit";
var b = plot.Add.ScatterPoints(yTest, huberTest);
b.LegendText = $"Huber fit (δ = {delta})";
var diagonal = plot.Add.Line(25, 25, 346, 346);
diagonal.LegendText = "predicted = actual";
diagonal.LinePattern = LinePattern.Dashed;
plot.Title("Diabetes: predicted vs actual progression (test set)");
plot.XLabel("actual");
plot.YLabel("predicted");
plot.ShowLegend();
string png = Path.Combine(DataSets.OutputDirectory(), "diabetes-predicted-vs-actual.png");
plot.SavePng(png, 800, 600);
Console.WriteLine();
Console.WriteLine($"plot: {png}");
return mseMse < 0.8 * baseline && huberMse < 0.8 * baseline && File.Exists(png) ? 0 : 1;
