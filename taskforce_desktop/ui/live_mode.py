"""Where the main window finds live mode; the code lives in the package ``ui.live``."""

from taskforce_desktop.ui.live import install_live_mode

__all__ = ["install_live_mode"]
