"""profanity rules."""
