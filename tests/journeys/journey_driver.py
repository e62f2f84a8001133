"""The secretary at the keyboard: real key events into the main window, and the three-way check.

After every step of a journey, what the editor shows, what the window's state of the meeting
holds, what the store holds and what she typed must agree. ``Secretary.check`` asserts that
for every text she has typed so far, not only for the one on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import event

from taskforce_desktop.core import markdown, services

CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier

# The Impressies tab's editors by the agenda point's field they show.
NOTES_FIELDS = ("introduction", "notes", "conclusion")


@dataclass
class Secretary:
    qtbot: object
    window: object
    # What she typed, field by field: the reference every check compares with.
    typed: dict[tuple[int, str], str] = field(default_factory=dict)

    # --- the keyboard -----------------------------------------------------------------

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        return widget if widget is not None else self.window

    def press(self, key: Qt.Key, modifiers=NO_MODIFIER) -> None:
        self.qtbot.keyClick(self.focus(), key, modifiers)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def type_notes(self, text: str, field_name: str = "notes") -> None:
        """Types at the end of a field of the point on screen, as she goes on writing."""
        editor = self.editor(field_name)
        if not editor.isVisible() and not self.live():
            self.window.notes_tab.introduction_toggle.setChecked(True)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.press(Qt.Key.Key_End, CTRL)
        self.type(text)
        key = (self.point_on_screen(), field_name)
        self.typed[key] = self.typed.get(key, self.stored_text(*key)) + text

    def next_point(self) -> None:
        self.press(Qt.Key.Key_PageDown, CTRL)

    def previous_point(self) -> None:
        self.press(Qt.Key.Key_PageUp, CTRL)

    # --- what there is to see -----------------------------------------------------------

    def live(self) -> bool:
        return self.window.live.view.isVisible()

    def editor(self, field_name: str):
        if self.live():
            return {"notes": self.window.live.view.editor}.get(
                field_name, getattr(self.window.live.view, field_name, None)
            )
        return getattr(self.window.notes_tab, field_name)

    def point_on_screen(self) -> int:
        return self.window.live.view.item_id if self.live() else self.window.notes_tab.item_id

    def stored_text(self, item_id: int, field_name: str) -> str:
        meeting = services.load_meeting(self.window.store, self.window.session.meeting_id)
        return getattr(next(i for i in meeting.agenda if i.id == item_id), field_name)

    def state_text(self, item_id: int, field_name: str) -> str:
        return getattr(self.window.session.agenda_item(item_id), field_name)

    def wait_saved(self) -> None:
        self.qtbot.waitUntil(lambda: not self.window.writer.has_pending(), timeout=5000)

    # --- the check after every step -------------------------------------------------------

    def check(self) -> None:
        """Screen, state, store and what she typed agree, for everything she typed."""
        on_screen = self.point_on_screen()
        # A text is stored in its Markdown form: a space she typed first is not kept.
        typed = {key: markdown.normalise(text) for key, text in self.typed.items()}
        for (item_id, field_name), text in typed.items():
            shown = self.editor(field_name)
            if item_id == on_screen and shown is not None and shown.isVisible():
                assert shown.markdown() == text, (item_id, field_name)
            assert self.state_text(item_id, field_name) == text, (item_id, field_name)
        self.wait_saved()
        for (item_id, field_name), text in typed.items():
            assert self.stored_text(item_id, field_name) == text, (item_id, field_name)


def agenda_ids(window) -> list[int]:
    return [item.id for item in window.session.meeting.agenda]


class ReadOnlyDisk:
    """Every connection the store opens refuses to write, as on a disk remounted read-only."""

    def __init__(self, store) -> None:
        self.store = store
        event.listen(store.engine, "connect", self._refuse_writes)
        store.engine.dispose()  # connections opened before now would still write

    @staticmethod
    def _refuse_writes(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA query_only=1")
        cursor.close()

    def repair(self) -> None:
        event.remove(self.store.engine, "connect", self._refuse_writes)
        self.store.engine.dispose()
