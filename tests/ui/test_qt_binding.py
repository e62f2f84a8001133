"""The Qt binding the app runs on must survive a long session of calls."""

import sys


def test_many_void_qt_calls_do_not_drain_the_reference_count_of_none(qtbot):
    # PySide6 6.12.0 on Python 3.11 lost one reference to None per call returning None and
    # aborted the interpreter after a few thousand: a three-hour meeting makes millions.
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 100
