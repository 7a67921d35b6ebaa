"""Qt item models over the project store."""
