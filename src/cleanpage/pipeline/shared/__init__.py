"""Readers both paths use: dates, person names, the shared patterns."""
