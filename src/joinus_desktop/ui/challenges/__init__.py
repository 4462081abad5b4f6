"""Social challenges of one youngster: list, status, attempts."""
