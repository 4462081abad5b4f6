"""Meetings screen."""
