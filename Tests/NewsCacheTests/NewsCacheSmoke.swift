// Tests for NewsCache live in this folder.
