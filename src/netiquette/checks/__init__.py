"""Rule modules, one per rule, grouped by category. Discovered by netiquette.rule.all_rules."""
