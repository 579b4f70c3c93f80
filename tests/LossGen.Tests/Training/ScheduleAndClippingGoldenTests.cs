using System.Text.Json;
using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>Learning-rate schedules and gradient clipping against torch (tests/reference/golden.json).</summary>
public class ScheduleAndClippingGoldenTests
{
    private static JsonElement Golden(string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "golden.json")));
        return document.RootElement.GetProperty(name).Clone();
    }

    [Theory]
    [InlineData("StepLR")]
    [InlineData("ExponentialLR")]
    [InlineData("CosineAnnealingLR")]
    [InlineData("LinearLR")]
    [InlineData("ReduceLROnPlateau")]
    public void ScheduleMatchesTorch(string name)
    {
        JsonElement s = Golden("schedules").EnumerateArray().Single(x => x.GetProperty("schedule").GetString() == name);
        JsonElement o = s.GetProperty("options");
        double baseRate = s.GetProperty("base").GetDouble();
        LearningRateSchedule schedule = name switch
        {
            "StepLR" => new StepSchedule(baseRate, o.GetProperty("step_size").GetInt32(), o.GetProperty("gamma").GetDouble()),
            "ExponentialLR" => new ExponentialSchedule(baseRate, o.GetProperty("gamma").GetDouble()),
            "CosineAnnealingLR" => new CosineAnnealingSchedule(baseRate, o.GetProperty("T_max").GetInt32(), o.GetProperty("eta_min").GetDouble()),
            "LinearLR" => new LinearWarmupSchedule(baseRate, o.GetProperty("start_factor").GetDouble(), o.GetProperty("end_factor").GetDouble(), o.GetProperty("total_iters").GetInt32()),
            _ => new ReduceOnPlateauSchedule(baseRate, o.GetProperty("factor").GetDouble(), o.GetProperty("patience").GetInt32(), o.GetProperty("threshold").GetDouble(),
                o.GetProperty("cooldown").GetInt32(), o.GetProperty("min_lr").GetDouble()),
        };
        double[] rates = s.GetProperty("rates").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double[] metrics = s.GetProperty("metrics").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int epoch = 0; epoch < rates.Length; epoch++)
        {
            double rate = schedule.Next(epoch == 0 || metrics.Length == 0 ? double.NaN : metrics[epoch - 1]);
            Assert.True(Math.Abs(rate - rates[epoch]) <= 1e-12 * rates[epoch], $"{name} epoch {epoch}: {rate:R}, torch {rates[epoch]:R}");
        }
    }

    [Fact]
    public void ClippingMatchesTorch()
    {
        foreach (JsonElement c in Golden("clipping").EnumerateArray())
        {
            double[] gradient = c.GetProperty("gradient").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            double[] byNorm = (double[])gradient.Clone();
            double norm = GradientClipping.ClipByGlobalNorm<double>(byNorm, c.GetProperty("max_norm").GetDouble());
            Assert.Equal(c.GetProperty("norm").GetDouble(), norm, 1e-15);
            double[] expected = c.GetProperty("by_norm").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (int i = 0; i < byNorm.Length; i++)
            {
                Assert.Equal(expected[i], byNorm[i], 1e-15);
            }
            double[] byValue = (double[])gradient.Clone();
            GradientClipping.ClipByValue<double>(byValue, c.GetProperty("clip_value").GetDouble());
            Assert.Equal(c.GetProperty("by_value").EnumerateArray().Select(v => v.GetDouble()), byValue);
        }
    }

    [Fact]
    public void PlateauNeedsTheMetric()
    {
        var schedule = new ReduceOnPlateauSchedule(0.1);
        schedule.Next();
        Assert.Equal("metric", Assert.Throws<ArgumentException>(() => schedule.Next()).ParamName);
    }
}
