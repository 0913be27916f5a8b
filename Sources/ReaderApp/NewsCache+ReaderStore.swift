import NewsCache

/// The reader reads and writes the real cache: its synchronous, thread-safe methods satisfy the store's
/// async requirements directly (the runtime calls them from tasks off the main actor).
extension NewsCache: ReaderStore {}
