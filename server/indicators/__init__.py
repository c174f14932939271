"""Indicator figures other offices report per year and region: reported by admins."""
