"""Tests of annotator.core.review (a package: its test_label_map.py shares a name with one in tests/core)."""
