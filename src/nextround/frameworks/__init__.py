"""Competency frameworks: the built-in one and importers for others."""
