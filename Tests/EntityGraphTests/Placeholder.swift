// Tests for EntityGraph are added with its implementation.
