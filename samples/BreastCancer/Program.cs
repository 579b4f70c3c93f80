// BreastCancer: L2-regularized logistic regression on the Wisconsin breast-cancer data, trained with the
// catalogue's generated BCE-with-logits loss through a LinearObjective, by full-batch L-BFGS and by
// mini-batch Adam. Shows progress (a bar on a terminal, plain lines when redirected), then test accuracy and log-loss of both, and plots both loss curves.
using System.Globalization;
using LossGen;
using LossGen.Training;
using ScottPlot;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double lambda = 0.01;

(double[][] features, double[] labels) = DataSets.BreastCancer();
(int[] train, int[] test) = DataSets.Split(labels.Length, 0.8, seed: 2026);
(double[] xTrain, double[] xTest) = DataSets.Standardize(features, train, test);
double[] yTrain = train.Select(i => labels[i]).ToArray(), yTest = test.Select(i => labels[i]).ToArray();
int d = features[0].Length;
Console.WriteLine($"breast cancer: {labels.Length} tumours × {d} features; {train.Length} for training, {test.Length} held out for testing (seeded split)");
Console.WriteLine($"objective: mean BCE-with-logits + {lambda}/2 ‖w‖² (bias unpenalized), features z-scored with the training rows' statistics");
Console.WriteLine();

var loss = new Losses.BceWithLogitsLossFunction(posWeight: 1);
using var trainObjective = LinearObjective.Create(xTrain, d, yTrain, loss, new LinearObjectiveOptions { L2 = lambda });
using var testObjective = LinearObjective.Create(xTest, d, yTest, loss);

// 1. L-BFGS, full batch, strong-Wolfe line search, to convergence (lbfgsTheta is updated in place).
double[] lbfgsTheta = new double[d + 1];
var lbfgsProgress = new ConsoleProgress("L-BFGS", total: 200, every: 5);
var lbfgs = new Lbfgs<double>(new LbfgsOptions { MaxIterations = 200, GradientTolerance = 1e-8, Progress = lbfgsProgress });
MinimizationResult<double> lbfgsResult = lbfgs.Minimize(trainObjective, lbfgsTheta);
lbfgsProgress.Complete();
Console.WriteLine($"L-BFGS: {lbfgsResult.Status} after {lbfgsResult.Iterations} iterations ({lbfgsResult.Evaluations} evaluations), training objective {lbfgsResult.Loss:F6}");
Console.WriteLine();

// 2. Adam, mini-batches of 32 in a seeded order, with a cosine-annealed learning rate.
var adamProgress = new ConsoleProgress("Adam", total: 60, every: 10);
var adam = Trainer.Create(trainObjective, new Adam<double>(0.05), new double[d + 1],
    new TrainerOptions
    {
        MaxEpochs = 60,
        BatchSize = 32,
        Seed = 7,
        Schedule = new CosineAnnealingSchedule(0.05, tMax: 60, minRate: 1e-4),
        Progress = adamProgress,
    });
TrainingResult<double> adamResult = adam.Fit();
adamProgress.Complete();
Console.WriteLine($"Adam:   {adamResult.Status} after {adamResult.Epochs} epochs, training objective {adamResult.Loss:F6}");
Console.WriteLine();

// Test-set figures.
(double accuracy, double logLoss) Score(double[] theta)
{
    var z = new double[test.Length];
    trainObjective.Predict(theta, xTest, z);
    int correct = z.Select((v, i) => (v > 0 ? 1.0 : 0.0) == yTest[i] ? 1 : 0).Sum();
    return ((double)correct / test.Length, testObjective.Evaluate(theta, new double[d + 1]));
}
(double lbfgsAccuracy, double lbfgsLogLoss) = Score(lbfgsTheta);
(double adamAccuracy, double adamLogLoss) = Score(adamResult.Parameters);
Console.WriteLine($"{"",-8} {"test accuracy",14} {"test log-loss",14} {"train objective",16}");
Console.WriteLine($"{"L-BFGS",-8} {lbfgsAccuracy,14:P1} {lbfgsLogLoss,14:F4} {lbfgsResult.Loss,16:F6}");
Console.WriteLine($"{"Adam",-8} {adamAccuracy,14:P1} {adamLogLoss,14:F4} {adamResult.Loss,16:F6}");

// Both loss curves as the distance to the optimum (L-BFGS's converged objective), on a log scale.
double optimum = lbfgsResult.Loss;
List<double> lbfgsCurve = lbfgsResult.History.Select(r => r.Loss).ToList(), adamCurve = adamResult.History.Select(r => r.Loss).ToList();
double[] Gap(List<double> curve) => curve.Select(v => Math.Log10(Math.Max(v - optimum, 1e-12))).ToArray();
double[] Steps(List<double> curve) => Enumerable.Range(1, curve.Count).Select(i => (double)i).ToArray();
var plot = new Plot();
var lbfgsLine = plot.Add.Scatter(Steps(lbfgsCurve), Gap(lbfgsCurve));
lbfgsLine.LegendText = "L-BFGS (per iteration, full batch)";
var adamLine = plot.Add.Scatter(Steps(adamCurve), Gap(adamCurve));
adamLine.LegendText = "Adam (per epoch: mean of its mini-batch losses)";
plot.Title("Breast cancer: training objective minus its optimum");
plot.XLabel("iteration (L-BFGS) / epoch (Adam)");
plot.YLabel("log10(objective − optimum)");
plot.ShowLegend();
string png = Path.Combine(DataSets.OutputDirectory(), "breast-cancer-loss.png");
plot.SavePng(png, 900, 540);
Console.WriteLine();
Console.WriteLine($"loss curves: {png}");
return lbfgsAccuracy >= 0.95 && adamAccuracy >= 0.95 && File.Exists(png) ? 0 : 1;
