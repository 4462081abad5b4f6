"""The encrypted local store: vault (SQLCipher + wrapped key), schema, repositories."""
