// Tests for ArticleIO are added with its implementation.
