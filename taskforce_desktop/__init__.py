"""Taskforce Verslag: minutes for a municipal advisory body, typed live and exported to Word."""

__version__ = "0.1.0"
APP_NAME = "TaskforceVerslag"
APP_AUTHOR = "TaskforceVerslag"
