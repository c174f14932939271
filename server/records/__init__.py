"""Corrections that apply to every kind of record: withdrawal."""
