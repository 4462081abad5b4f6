"""The Programme screen: programme-wide means beside the own group."""
