"""tone rules."""
