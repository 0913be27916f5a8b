// Tests for ReaderUI live in this folder.
