"""The main-window fixtures of tests/window_fixtures.py, for the journeys.

Every window a journey opens installs the Dutch translators itself (make_window).
"""

from window_fixtures import make_window, meeting_id, settings_file, window  # noqa: F401
