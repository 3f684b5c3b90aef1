"""The few generic engines rules are built from (phrase lists, word sets, ...)."""
