"""Helpers for testing code that uses ropa. Not imported by `ropa` itself (it needs hypothesis)."""
