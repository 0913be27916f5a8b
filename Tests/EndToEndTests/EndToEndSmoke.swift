// Tests for EndToEnd live in this folder.
