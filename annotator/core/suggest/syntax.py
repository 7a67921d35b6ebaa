"""Dependency labels the suggestion rules share (spaCy's English scheme)."""

from __future__ import annotations

SUBJECTS = ("nsubj", "nsubjpass")  # a clause's subject, active or passive
