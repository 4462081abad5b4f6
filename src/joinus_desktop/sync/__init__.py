"""Sync with the organisation server: wire format, HTTP client and engine (no Qt)."""
