using System.ComponentModel;
using System.Runtime.CompilerServices;
using Xunit.Sdk;
using Xunit.v3;

namespace TechZone.E2E;

/// <summary>
/// A browser test: a [Fact] that runs once more when it fails. Two app servers and Chromium share two cores with the
/// rest of CI, and a walk of fifty steps can lose one to a stalled machine; a real defect fails both runs. A retry is
/// written to <c>artifacts/e2e-retries.txt</c> with the first failure, which CI prints, so a flaky test stays visible.
/// </summary>
[XunitTestCaseDiscoverer(typeof(BrowserFactDiscoverer))]
public sealed class BrowserFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : FactAttribute(sourceFilePath, sourceLineNumber);

public sealed class BrowserFactDiscoverer : IXunitTestCaseDiscoverer
{
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, factAttribute);
        IXunitTestCase testCase = new RetriedTestCase(
            details.ResolvedTestMethod, details.TestCaseDisplayName, details.UniqueID, details.Explicit,
            details.SkipExceptions, details.SkipReason, details.SkipType, details.SkipUnless, details.SkipWhen,
            testMethod.Traits.ToDictionary(t => t.Key, t => new HashSet<string>(t.Value), StringComparer.OrdinalIgnoreCase),
            sourceFilePath: details.SourceFilePath, sourceLineNumber: details.SourceLineNumber, timeout: details.Timeout);
        return new([testCase]);
    }
}

public sealed class RetriedTestCase : XunitTestCase, ISelfExecutingXunitTestCase
{
    const int Attempts = 2;

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("For the de-serializer only")]
    public RetriedTestCase() { }

    public RetriedTestCase(
        IXunitTestMethod testMethod, string testCaseDisplayName, string uniqueID, bool @explicit,
        Type[]? skipExceptions, string? skipReason, Type? skipType, string? skipUnless, string? skipWhen,
        Dictionary<string, HashSet<string>> traits, string? sourceFilePath = null, int? sourceLineNumber = null, int? timeout = null)
        : base(testMethod, testCaseDisplayName, uniqueID, @explicit, skipExceptions, skipReason, skipType, skipUnless, skipWhen,
            traits, null, sourceFilePath, sourceLineNumber, timeout) { }

    public async ValueTask<RunSummary> Run(
        ExplicitOption explicitOption, IMessageBus messageBus, object?[] constructorArguments, ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource, ParallelMode parallelMode, ExecutionScheduler executionScheduler,
        FixtureMappingManager methodFixtureMappings)
    {
        for (var attempt = 1; ; attempt++)
        {
            // An attempt's messages (its result among them) are held back until it is the one that counts.
            var held = new HeldMessages();
            var summary = await XunitRunnerHelper.RunXunitTestCase(this, held, cancellationTokenSource, parallelMode,
                executionScheduler, aggregator.Clone(), explicitOption, constructorArguments, methodFixtureMappings);
            if (summary.Failed == 0 || attempt == Attempts || cancellationTokenSource.IsCancellationRequested)
            {
                held.SendTo(messageBus);
                return summary;
            }
            RecordRetry(held.FirstFailure());
        }
    }

    void RecordRetry(string? failure)
    {
        var text = $"{DateTime.UtcNow:HH:mm:ss} retried {TestCaseDisplayName}{Environment.NewLine}{failure}{Environment.NewLine}";
        lock (RetriesLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RetriesFile)!);
            File.AppendAllText(RetriesFile, text);
        }
    }

    static readonly object RetriesLock = new();

    public static string RetriesFile => Path.Combine(AppServer.RepoRoot, "artifacts", "e2e-retries.txt");

    sealed class HeldMessages : IMessageBus
    {
        readonly List<IMessageSinkMessage> messages = [];

        public bool QueueMessage(IMessageSinkMessage message)
        {
            lock (messages) messages.Add(message);
            return true;
        }

        /// <summary>The first failure's messages and what the test wrote, for the retries file.</summary>
        public string? FirstFailure()
        {
            lock (messages)
                return messages.OfType<ITestFailed>().Select(f => string.Join(" ", f.Messages).Trim() + Environment.NewLine + f.Output).FirstOrDefault();
        }

        public void SendTo(IMessageBus bus)
        {
            lock (messages) foreach (var message in messages) bus.QueueMessage(message);
        }

        public void Dispose() { }
    }
}
