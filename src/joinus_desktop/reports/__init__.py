"""Data for reports and exports (Qt-free): programme figures, PDFs' contents, CSVs."""
