/// Placeholder module file; the parsers and fetchers live beside it.
enum NewsSourcesModule {}
