"""What the main window's features get of it: a small typed interface instead of the window.

``MainWindow`` builds its features (exports, Live mode, follow-up, language, writing help,
data safety) in one place, each with a ``WindowParts``, and keeps each as a typed attribute. A feature
adds its commands through ``WindowCommands`` and its menu entries to ``Menus``; it never
sets attributes on the window or calls its private methods. A feature that needs another
gets it as a constructor argument.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QSettings, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from taskforce_desktop.core.store import Store
from taskforce_desktop.ui.autosave import AutosaveWriter
from taskforce_desktop.ui.background import BackgroundOperations
from taskforce_desktop.ui.session import MeetingSession
from taskforce_desktop.ui.widgets.message_bar import Level

Keys = str | QKeySequence | QKeySequence.StandardKey
Command = QAction | QShortcut


class WindowCommands:
    """The window's actions, registered so that their keys and their enabling hold.

    ``from_every_field``: the key works even in a text field with its own use for it (see
    ``ShortcutPriority``); ``needs_meeting``: off while no meeting is open.
    """

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._from_every_field: list[Command] = []
        self._for_meeting: list[QAction] = []

    def add(
        self,
        text: str,
        slot: Callable[[], object],
        keys: Keys | None = None,
        tip: str = "",
        *,
        from_every_field: bool = False,
        needs_meeting: bool = False,
    ) -> QAction:
        action = QAction(text, self._window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        if from_every_field:
            self._from_every_field.append(action)
        if needs_meeting:
            self._for_meeting.append(action)
        return action

    def register_from_every_field(self, commands: Iterable[Command]) -> None:
        """Commands made elsewhere: Live mode's own keys, say."""
        self._from_every_field.extend(commands)

    def from_every_field(self) -> list[Command]:
        return list(self._from_every_field)

    def enable_for_meeting(self, meeting_open: bool) -> None:
        for action in self._for_meeting:
            action.setEnabled(meeting_open)


class ShowProblem(Protocol):
    """A message that does not take her keys: in the window's bar, never in a box."""

    def __call__(self, message: str, level: Level = Level.WARNING) -> None: ...


Button = tuple[str, Callable[[], object]]  # its label, what it does


class Offer(Protocol):
    """A message in the window's bar with a button that does what it offers (None: without
    one); unlike ``ShowProblem``, nothing in the status bar."""

    def __call__(self, message: str, level: Level, button: Button | None, /) -> None: ...


@dataclass(frozen=True)
class Menus:
    file: QMenu
    quit: QAction  # Afsluiten, the file menu's last entry: what a feature adds goes before it
    edit: QMenu
    meeting: QMenu
    view: QMenu
    help: QMenu


@dataclass(frozen=True)
class WindowParts:
    """The window as its features see it."""

    window: QMainWindow  # the parent of their dialogs, actions and status bar widgets
    store: Store
    settings: QSettings
    session: MeetingSession
    writer: AutosaveWriter
    background: BackgroundOperations
    commands: WindowCommands
    menus: Menus
    toolbar: QToolBar
    # The tabs of the open meeting: a feature's own tab after the four standard ones.
    add_tab: Callable[[QWidget, str], int]
    show_tab: Callable[[int], None]
    show_problem: ShowProblem
    offer: Offer
    dismiss_message: Callable[[], None]  # the message bar hidden again
    # The save state in the status bar: a problem in its text, the details in its tooltip.
    show_save_problem: Callable[[str], None]
    explain_save_state: Callable[[str], None]
    open_meeting_at: Callable[[int, int | None], None]  # at an agenda point's notes, if given
    # After a change made beside the session: the open meeting and the meeting list again.
    reload: Callable[[], None]
    meeting_changed: SignalInstance  # int: another meeting is open (0: none)
    meeting_edited: SignalInstance  # int: its changes are in the store
