// Tests for HTMLCleaning are added with its implementation.
