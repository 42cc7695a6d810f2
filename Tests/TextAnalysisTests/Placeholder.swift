// Tests for TextAnalysis are added with its implementation.
