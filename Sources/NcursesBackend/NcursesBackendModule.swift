import CNcursesw
/// Placeholder module file; the backend lives beside it.
enum NcursesBackendModule {}
