using Xunit;

// Each journey class starts a host and a browser; on two cores they run one after another, not all at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
