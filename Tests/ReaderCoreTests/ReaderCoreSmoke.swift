// Tests for ReaderCore live in this folder.
