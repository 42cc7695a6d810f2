// Tests for TopicClassification are added with its implementation.
