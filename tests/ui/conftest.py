"""The main-window fixtures of tests/window_fixtures.py, for the widget and window tests."""

from window_fixtures import _dutch, make_window, meeting_id, settings_file, window  # noqa: F401
