"""Problems a first-time user met while walking through the app, pinned down once fixed."""

from __future__ import annotations


def test_first_window_fits_on_the_screen(make_window):
    window = make_window()

    available = window.screen().availableGeometry().size()
    assert window.width() <= available.width()
    assert window.height() <= available.height()
