"""Pure rules shared by the desktop and the server: no Qt, no SQL, no network."""
