// Tests for NewsSources live in this folder.
