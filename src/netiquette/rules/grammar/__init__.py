"""grammar rules."""
