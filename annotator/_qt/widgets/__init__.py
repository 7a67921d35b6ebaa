"""Widgets of the annotation window."""
