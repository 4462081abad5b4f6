"""Reports and exports that leave the vault: PDFs, CSVs, right of access."""
