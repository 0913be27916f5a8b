// Tests for ReaderApp live in this folder.
