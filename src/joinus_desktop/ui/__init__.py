"""The desktop GUI (PySide6). Widgets call the store through `tasks`; never SQL here."""
