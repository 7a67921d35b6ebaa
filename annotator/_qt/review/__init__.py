"""Review mode, the dashboard and the audit history panel: windows of their own."""
