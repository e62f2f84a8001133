"""Reusable widgets of the secretary's window."""
