// Digits: softmax (multinomial logistic) regression on 1797 handwritten 8 × 8 digits, ten classes, trained by
// full-batch L-BFGS through a SoftmaxRegressionObjective. Prints the progress, the test accuracy and the
// confusion matrix, and draws the learned weights of each class as an 8 × 8 image.
using LossGen;
using System.Globalization;
using LossGen.Training;
using ScottPlot;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int classes = 10, side = 8, d = side * side;
const double lambda = 1e-3;

(double[][] features, int[] labels) = DataSets.Digits();
(int[] train, int[] test) = DataSets.Split(labels.Length, 0.75, seed: 2026);
(double[] xTrain, double[] xTest) = DataSets.Standardize(features, train, test);
int[] yTrain = train.Select(i => labels[i]).ToArray(), yTest = test.Select(i => labels[i]).ToArray();
Console.WriteLine($"digits: {labels.Length} images of {side} × {side} pixels, {classes} classes; {train.Length} for training, {test.Length} held out for testing (seeded split)");
Console.WriteLine($"objective: mean softmax cross-entropy + {lambda}/2 ‖W‖² (biases unpenalized), pixels standardized with the training rows' statistics");
Console.WriteLine();

var loss = new Losses.CrossEntropyLossFunction();   // generated softmax cross-entropy (PyTorch CrossEntropyLoss)
using var objective = SoftmaxRegressionObjective.Create(xTrain, d, yTrain, classes, loss, new SoftmaxRegressionOptions { L2 = lambda });

// Parameters: 10 × 64 weights (class by class), then 10 biases; trained in place from zero.
double[] theta = new double[objective.ParameterCount];
var progress = new ConsoleProgress("L-BFGS", total: 1000, every: 25);
var lbfgs = new Lbfgs<double>(new LbfgsOptions { MaxIterations = 1000, GradientTolerance = 1e-6, Progress = progress });
MinimizationResult<double> result = lbfgs.Minimize(objective, theta);
progress.Complete();
Console.WriteLine($"L-BFGS: {result.Status} after {result.Iterations} iterations ({result.Evaluations} evaluations), training objective {result.Loss:F6}");
Console.WriteLine();

// Test accuracy and the confusion matrix (rows: true digit, columns: predicted digit).
int[] predicted = new int[test.Length];
objective.Predict(theta, xTest, predicted);
var confusion = new int[classes, classes];
for (int i = 0; i < test.Length; i++)
{
    confusion[yTest[i], predicted[i]]++;
}
double accuracy = (double)Enumerable.Range(0, classes).Sum(c => confusion[c, c]) / test.Length;
int[] trainPredicted = new int[train.Length];
objective.Predict(theta, xTrain, trainPredicted);
double trainAccuracy = (double)trainPredicted.Where((p, i) => p == yTrain[i]).Count() / train.Length;
Console.WriteLine($"training accuracy {trainAccuracy:P1}, test accuracy {accuracy:P1} ({Enumerable.Range(0, classes).Sum(c => confusion[c, c])} of {test.Length})");
Console.WriteLine();
Console.WriteLine("confusion matrix (rows: true digit, columns: predicted)");
Console.WriteLine("      " + string.Concat(Enumerable.Range(0, classes).Select(c => $"{c,4}")));
for (int t = 0; t < classes; t++)
{
    Console.WriteLine($"{t,4}  " + string.Concat(Enumerable.Range(0, classes).Select(p => confusion[t, p] == 0 && p != t ? "   ." : $"{confusion[t, p],4}")));
}

// The learned weights: one 8 × 8 image per digit, on one colour scale (red: the pixel's ink votes for the digit, blue: against).
double extreme = theta[..(classes * d)].Max(Math.Abs);
var plot = new Plot();
ScottPlot.Plottables.Heatmap? scale = null;   // all tiles share one colour range; the colour bar reads it from one of them
const double gap = 2;
for (int c = 0; c < classes; c++)
{
    var image = new double[side, side];
    for (int r = 0; r < side; r++)
    {
        for (int j = 0; j < side; j++)
        {
            image[r, j] = theta[c * d + r * side + j];
        }
    }
    double left = c % 5 * (side + gap), top = c < 5 ? 2 * side + 2 * gap : side;
    var heatmap = scale = plot.Add.Heatmap(image);
    heatmap.Colormap = new ScottPlot.Colormaps.Balance();
    heatmap.ManualRange = new ScottPlot.Range(-extreme, extreme);
    // The extent runs through the outer cells' centres; the image reaches half a cell beyond it (row 0 at the top).
    heatmap.Extent = new CoordinateRect(left + 0.5, left + side - 0.5, top - side + 0.5, top - 0.5);
    var frame = plot.Add.Rectangle(left, left + side, top - side, top);
    frame.FillStyle.Color = Colors.Transparent;
    frame.LineStyle.Color = Colors.Gray;
    var label = plot.Add.Text($"{c}", left + side / 2.0, top + 0.8);
    label.LabelFontSize = 18;
    label.LabelAlignment = Alignment.MiddleCenter;
}
plot.Title($"Digits: softmax regression weights per class (test accuracy {accuracy:P1})");
plot.Add.ColorBar(scale!).Label = "weight";
plot.Axes.SetLimits(-1, 5 * side + 4 * gap + 1, -1, 2 * side + 2 * gap + 2);
plot.HideAxesAndGrid();
plot.Axes.Title.IsVisible = true;
plot.Axes.SquareUnits();
string png = Path.Combine(DataSets.OutputDirectory(), "digits-weights.png");
plot.SavePng(png, 900, 460);
Console.WriteLine();
Console.WriteLine($"weights: {png}");
return accuracy >= 0.95 && File.Exists(png) ? 0 : 1;
