namespace LossGen.Tests;

public class SmokeTests
{
    [Fact]
    public void MseMatchesClosedForm()
    {
        float[] p = { 1, 2, 3 };
        float[] y = { 0, 0, 0 };
        float[] dp = new float[3];
        float value = SmokeLosses.Mse(p, y, dp);
        Assert.Equal(14f / 3f, value, 6);
        Assert.Equal(new[] { 2f / 3, 4f / 3, 6f / 3 }, dp);
    }
}
