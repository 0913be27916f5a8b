/// Placeholder module file; the widgets live beside it.
enum ReaderUIModule {}
