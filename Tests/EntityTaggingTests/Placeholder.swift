// Tests for EntityTagging are added with its implementation.
