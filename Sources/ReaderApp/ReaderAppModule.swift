/// Placeholder module file; the runtime lives beside it.
enum ReaderAppModule {}
