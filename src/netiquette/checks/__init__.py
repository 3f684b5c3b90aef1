"""Rule modules, one per rule, grouped by category. Discovered by netiquette.registry.all_rules."""
