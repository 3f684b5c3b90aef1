"""jargon rules."""
