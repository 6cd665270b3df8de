[assembly: CollectionBehavior(DisableTestParallelization = false)]
