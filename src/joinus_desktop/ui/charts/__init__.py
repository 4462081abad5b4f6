"""Charts (pyqtgraph)."""
