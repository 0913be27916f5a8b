/// Placeholder module file; the cache lives beside it.
enum NewsCacheModule {}
