"""Youngsters screen."""
