// Tests for GazetteCLI are added with its implementation.
