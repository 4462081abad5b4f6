"""Sync in the window: background runs, the status area, enrolment, conflicts."""
