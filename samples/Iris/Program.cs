// Iris: softmax (multinomial logistic) regression on Fisher's 150 iris flowers, three species, trained through a
// SoftmaxRegressionObjective by full-batch L-BFGS and by mini-batch Adam (Trainer). Prints the held-out accuracy of
// both and the class probabilities of a few held-out flowers.
using LossGen;
using System.Globalization;
using LossGen.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const double lambda = 0.01;

(double[][] features, int[] labels, string[] species) = DataSets.Iris();
(int[] train, int[] test) = DataSets.Split(labels.Length, 0.7, seed: 2026);
(double[] xTrain, double[] xTest) = DataSets.Standardize(features, train, test);
int[] yTrain = train.Select(i => labels[i]).ToArray(), yTest = test.Select(i => labels[i]).ToArray();
int d = features[0].Length, k = species.Length;
Console.WriteLine($"iris: {labels.Length} flowers × {d} measurements, {k} species ({string.Join(", ", species)}); {train.Length} for training, {test.Length} held out (seeded split)");
Console.WriteLine($"objective: mean softmax cross-entropy + {lambda}/2 ‖W‖² (biases unpenalized), measurements standardized with the training rows' statistics");
Console.WriteLine();

var loss = new Losses.CrossEntropyLossFunction();   // generated softmax cross-entropy (PyTorch CrossEntropyLoss)
using var objective = SoftmaxRegressionObjective.Create(xTrain, d, yTrain, k, loss, new SoftmaxRegressionOptions { L2 = lambda });

// 1. L-BFGS, full batch, to convergence (the parameters are trained in place).
double[] lbfgsTheta = new double[objective.ParameterCount];
var lbfgsProgress = new ConsoleProgress("L-BFGS", total: 200, every: 5);
MinimizationResult<double> lbfgs = new Lbfgs<double>(new LbfgsOptions { MaxIterations = 200, GradientTolerance = 1e-8, Progress = lbfgsProgress }).Minimize(objective, lbfgsTheta);
lbfgsProgress.Complete();
Console.WriteLine($"L-BFGS: {lbfgs.Status} after {lbfgs.Iterations} iterations, training objective {lbfgs.Loss:F6}");
Console.WriteLine();

// 2. Adam, mini-batches of 16 in a seeded order, cosine-annealed learning rate.
var adamProgress = new ConsoleProgress("Adam", total: 200, every: 40);
TrainingResult<double> adam = Trainer.Create(objective, new Adam<double>(0.05), new double[objective.ParameterCount],
    new TrainerOptions { MaxEpochs = 200, BatchSize = 16, Seed = 7, Schedule = new CosineAnnealingSchedule(0.05, tMax: 200, minRate: 1e-4), Progress = adamProgress }).Fit();
adamProgress.Complete();
Console.WriteLine($"Adam:   {adam.Status} after {adam.Epochs} epochs, training objective {adam.Loss:F6}");
Console.WriteLine();

double Accuracy(double[] theta)
{
    int[] predicted = new int[test.Length];
    objective.Predict(theta, xTest, predicted);
    return (double)predicted.Where((p, i) => p == yTest[i]).Count() / test.Length;
}
double lbfgsAccuracy = Accuracy(lbfgsTheta), adamAccuracy = Accuracy(adam.Parameters);
Console.WriteLine($"held-out accuracy: L-BFGS {lbfgsAccuracy:P1}, Adam {adamAccuracy:P1} ({test.Length} flowers)");
Console.WriteLine();

// Class probabilities (softmax of the three scores) of the first held-out flowers, by the L-BFGS fit.
const int shown = 6;
double[] probabilities = new double[shown * k];
objective.PredictProbabilities(lbfgsTheta, xTest.AsSpan(0, shown * d), probabilities);
Console.WriteLine($"{"flower",-8}{"species",-12}" + string.Concat(species.Select(s => $"{"P(" + s + ")",16}")));
for (int i = 0; i < shown; i++)
{
    Console.WriteLine($"{test[i],-8}{species[yTest[i]],-12}" + string.Concat(Enumerable.Range(0, k).Select(c => $"{probabilities[i * k + c],16:F4}")));
}
return lbfgsAccuracy >= 0.9 && adamAccuracy >= 0.9 ? 0 : 1;
