"""Review and audit: merging project files, agreement between annotators, the change history."""
