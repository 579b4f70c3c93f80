using System.Buffers.Binary;
using System.Text;
using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>
/// Checkpoints under damage and misuse: every truncation and every single-byte flip is rejected with
/// <see cref="InvalidDataException"/>, out-of-range fields behind a valid checksum are rejected too, and a
/// failed load leaves the trainer exactly as it was (its next Fit is bit-identical to a fresh trainer's).
/// </summary>
public sealed class CheckpointIntegrityTests : IDisposable
{
    private readonly double[] _x, _y, _vx, _vy;
    private readonly LinearObjective<double, Losses.MseLossFunction> _training, _validation;

    public CheckpointIntegrityTests()
    {
        (_x, _y) = TrainingData.Regression(40, 21);
        (_vx, _vy) = TrainingData.Regression(20, 22);
        _training = LinearObjective.Create(_x, 2, _y, new Losses.MseLossFunction(), new LinearObjectiveOptions { Threads = 1 });
        _validation = LinearObjective.Create(_vx, 2, _vy, new Losses.MseLossFunction(), new LinearObjectiveOptions { Threads = 1 });
    }

    public void Dispose()
    {
        _training.Dispose();
        _validation.Dispose();
    }

    private Trainer<double, LinearObjective<double, Losses.MseLossFunction>> Create(bool amsGrad = false, bool schedule = true) =>
        Trainer.Create(_training, _validation, new Adam<double>(0.05, amsGrad: amsGrad), new double[3], new TrainerOptions
        {
            MaxEpochs = 8,
            BatchSize = 16,
            Seed = 5,
            Schedule = schedule ? new ReduceOnPlateauSchedule(0.05, factor: 0.5, patience: 1) : null,
            EarlyStopping = new EarlyStopping(Patience: 50),
        });

    private byte[] Checkpoint(int epochs = 3)
    {
        var trainer = Create();
        trainer.Run(epochs);
        using var stream = new MemoryStream();
        trainer.SaveCheckpoint(stream);
        return stream.ToArray();
    }

    /// <summary>A trainer that has seen a failed load must train exactly as a fresh one.</summary>
    private void AssertUnchanged(Trainer<double, LinearObjective<double, Losses.MseLossFunction>> survivor, bool amsGrad = false, bool schedule = true)
    {
        var fresh = Create(amsGrad, schedule);
        TrainingData.AssertSameBits(fresh.Fit(), survivor.Fit());
    }

    [Fact]
    public void EveryTruncationIsRejected()
    {
        byte[] checkpoint = Checkpoint();
        var trainer = Create();
        for (int length = 0; length < checkpoint.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(new MemoryStream(checkpoint, 0, length)));
        }
        AssertUnchanged(trainer);
    }

    [Fact]
    public void EverySingleByteFlipIsRejectedAndLeavesTheTrainerUnchanged()
    {
        byte[] checkpoint = Checkpoint();
        var trainer = Create();
        int rejected = 0;
        foreach (byte mask in new byte[] { 0x01, 0x10, 0x80, 0xFF })
        {
            for (int position = 0; position < checkpoint.Length; position++)
            {
                byte[] damaged = (byte[])checkpoint.Clone();
                damaged[position] ^= mask;
                Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(new MemoryStream(damaged)));
                rejected++;
            }
        }
        Assert.Equal(4 * checkpoint.Length, rejected);
        AssertUnchanged(trainer);
        // And the undamaged checkpoint still loads into the same trainer.
        trainer = Create();
        trainer.LoadCheckpoint(new MemoryStream(checkpoint));
        Assert.Equal(3, trainer.Epoch);
    }

    [Fact]
    public void AnAdamCheckpointIsRejectedByAnAmsGradTrainerWhichStaysUnchanged()
    {
        byte[] checkpoint = Checkpoint();
        var trainer = Create(amsGrad: true);
        Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(new MemoryStream(checkpoint)));
        AssertUnchanged(trainer, amsGrad: true);
    }

    [Fact]
    public void AScheduleMismatchIsRejectedAndLeavesTheTrainerUnchanged()
    {
        byte[] checkpoint = Checkpoint();
        var trainer = Create(schedule: false);
        Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(new MemoryStream(checkpoint)));
        AssertUnchanged(trainer, schedule: false);
    }

    // ---- fields out of range behind a valid checksum (as a buggy writer would produce) ----

    private static byte[] Payload(byte[] checkpoint) => checkpoint[20..^8];

    private static byte[] Reframe(byte[] payload)
    {
        var result = new byte[20 + payload.Length + 8];
        "LGCKPT\r\n"u8.CopyTo(result);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(8), 2);
        BinaryPrimitives.WriteInt64LittleEndian(result.AsSpan(12), payload.Length);
        payload.CopyTo(result, 20);
        BinaryPrimitives.WriteUInt64LittleEndian(result.AsSpan(20 + payload.Length), Crc64.Append(0, result.AsSpan(0, 20 + payload.Length)));
        return result;
    }

    [Fact]
    public void TheChecksumIsCrc64Ecma182()
    {
        // The catalogue's check value of CRC-64/ECMA-182 (as System.IO.Hashing.Crc64 computes it).
        Assert.Equal(0x6C40DF5F0B497347UL, Crc64.Append(0, "123456789"u8));
        // Appending in pieces is the same as at once.
        Assert.Equal(Crc64.Append(0, "123456789"u8), Crc64.Append(Crc64.Append(0, "1234"u8), "56789"u8));
    }

    [Fact]
    public void TheFrameIsWhatTheTestsAssume()
    {
        byte[] checkpoint = Checkpoint();
        Assert.Equal(checkpoint, Reframe(Payload(checkpoint)));
    }

    [Fact]
    public void AnUndefinedFinalStatusIsRejected()
    {
        byte[] payload = Payload(Checkpoint());
        // Payload: element size, example count, parameter count, epoch, then the final status (-1: running).
        Assert.Equal(-1, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(16)));
        payload[19] ^= 0x80; // its high byte: -1 becomes 2147483647
        var trainer = Create();
        Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(new MemoryStream(Reframe(payload))));
        AssertUnchanged(trainer);
    }

    [Fact]
    public void ANegativeLearningRateIsInvalidDataAndLeavesTheTrainerUnchanged()
    {
        byte[] payload = Payload(Checkpoint());
        // The optimizer's state starts with its tag "Adam`1" (a length-prefixed string), then the learning rate.
        byte[] tag = Encoding.UTF8.GetBytes("Adam`1");
        int at = payload.AsSpan().IndexOf(tag) + tag.Length;
        double rate = BinaryPrimitives.ReadDoubleLittleEndian(payload.AsSpan(at));
        Assert.True(rate > 0);
        BinaryPrimitives.WriteDoubleLittleEndian(payload.AsSpan(at), -rate);
        var trainer = Create();
        Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(new MemoryStream(Reframe(payload))));
        AssertUnchanged(trainer);
    }

    [Fact]
    public void ANonFiniteParameterIsRejected()
    {
        byte[] payload = Payload(Checkpoint());
        // After the 56-byte header of scalars: the parameter vector (length, then 3 doubles).
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(56)));
        BinaryPrimitives.WriteDoubleLittleEndian(payload.AsSpan(60), double.NaN);
        var trainer = Create();
        Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(new MemoryStream(Reframe(payload))));
        AssertUnchanged(trainer);
    }

    [Fact]
    public void SavingToAPathIsAtomicAndLoadsBack()
    {
        string directory = Path.Combine(Path.GetTempPath(), "lossgen-checkpoint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "run.ckpt");
            File.WriteAllText(path, "an older checkpoint");
            var first = Create();
            first.Run(3);
            first.SaveCheckpoint(path);
            // Only the checkpoint is left: the temporary file was renamed over the old one.
            Assert.Equal(new[] { "run.ckpt" }, Directory.GetFiles(directory).Select(Path.GetFileName));
            var resumed = Create();
            resumed.LoadCheckpoint(path);
            TrainingData.AssertSameBits(Create().Fit(), resumed.Fit());
            // A missing directory is named with the user's path, not the temporary file's.
            string missing = Path.Combine(directory, "no-such-folder", "run.ckpt");
            var error = Assert.Throws<DirectoryNotFoundException>(() => first.SaveCheckpoint(missing));
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void SavingFromInsideAProgressReportIsRefused()
    {
        Trainer<double, LinearObjective<double, Losses.MseLossFunction>>? trainer = null;
        Exception? refused = null;
        trainer = Trainer.Create(_training, new Sgd<double>(0.1), new double[3], new TrainerOptions
        {
            MaxEpochs = 2,
            Progress = new SynchronousProgress<EpochReport>(_ => refused ??= Record.Exception(() => trainer!.SaveCheckpoint(new MemoryStream()))),
        });
        trainer.Fit();
        Assert.IsType<InvalidOperationException>(refused);
    }
}
