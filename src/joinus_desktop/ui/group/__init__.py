"""Group screen."""
