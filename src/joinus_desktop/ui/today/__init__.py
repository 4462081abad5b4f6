"""Today screen."""
