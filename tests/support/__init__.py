"""Test fixtures shared by test packages: a real PostgreSQL, a real server process."""
