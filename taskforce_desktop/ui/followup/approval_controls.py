"""Approval in the main window: the Vergadering menu's status actions and the read-only verslag."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from taskforce_desktop.core import approval
from taskforce_desktop.core.models import MeetingStatus
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.ui.display import date_text, label
from taskforce_desktop.ui.followup.common import TextQuestion, meeting_text
from taskforce_desktop.ui.widgets.accessibility import StatusLabel
from taskforce_desktop.ui.widgets.colours import coloured_text_style, done_colour
from taskforce_desktop.ui.window_parts import WindowParts


def _tr(text: str) -> str:
    return QCoreApplication.translate("Approval", text)


class ApprovalControls:
    """Status actions in the Vergadering menu and the read-only state of a vastgesteld verslag."""

    def __init__(self, parts: WindowParts, editing_tabs: list[QWidget]) -> None:
        self.window = parts.window  # the parent of the questions
        self.session = parts.session
        self.store = parts.store
        self._show_problem = parts.show_problem
        # Only the tabs that edit: the preview and export stay usable for an approved verslag.
        self._editing_tabs = editing_tabs
        self.banner = StatusLabel(_tr("Status van het verslag"), parts.window)
        parts.window.statusBar().addPermanentWidget(self.banner)
        add = parts.commands.add
        self.act_final = add(
            _tr("Verslag de&finitief (verzonden)"), self.mark_final, needs_meeting=True
        )
        self.act_approve_previous = add(
            _tr("&Vorig verslag vaststellen…"), self.approve_previous, needs_meeting=True
        )
        self.act_unlock = add(_tr("Verslag &ontgrendelen…"), self.unlock, needs_meeting=True)
        self.act_lock = add(_tr("Verslag weer ve&rgrendelen"), self.lock, needs_meeting=True)
        parts.menus.meeting.addSeparator()
        for action in (self.act_final, self.act_approve_previous, self.act_unlock, self.act_lock):
            parts.menus.meeting.addAction(action)
        parts.session.meeting_loaded.connect(self.show_state)

    def mark_final(self) -> None:
        meeting_id = self.session.meeting_id
        if meeting_id:
            self.session.run(approval.set_unapproved_status, meeting_id, MeetingStatus.FINAL)

    def approve_previous(self) -> None:
        meeting_id = self.session.meeting_id
        if not meeting_id:
            return
        state = approval.approval_state(self.store, meeting_id)
        if state.previous is None:
            self._show_problem(
                _tr("Er is geen vorige vergadering van dit overleg om vast te stellen.")
            )
            return
        corrections = TextQuestion.ask(
            self.window,
            _tr("Vorig verslag vaststellen"),
            _tr(
                "Het verslag van {0} wordt vastgesteld in deze vergadering.\n"
                "Correcties (leeg laten als er geen zijn):"
            ).format(meeting_text(state.previous)),
            multiline=True,
        )
        if corrections is not None:
            self.session.run(approval.approve_previous, meeting_id, corrections)

    def unlock(self) -> None:
        meeting_id = self.session.meeting_id
        if not meeting_id or not approval.is_locked(self.store, meeting_id):
            return
        reason = TextQuestion.ask(
            self.window,
            _tr("Verslag ontgrendelen"),
            _tr(
                "Dit verslag is vastgesteld. Wie het nu wijzigt, wijzigt een goedgekeurd "
                "verslag; de reden wordt bij de correcties vastgelegd.\n\nReden:"
            ),
        )
        if reason is None:
            return
        if not reason.strip():
            self._show_problem(_tr("Zonder reden wordt niet ontgrendeld."))
            return
        self.session.run(approval.unlock_meeting, meeting_id, reason)

    def lock(self) -> None:
        meeting_id = self.session.meeting_id
        if meeting_id:
            self.session.run(approval.lock_meeting, meeting_id)

    def show_state(self, meeting: MeetingRecord | None) -> None:
        state = approval.approval_state(self.store, meeting.id) if meeting else None
        locked = bool(state and state.locked)
        self.act_unlock.setEnabled(locked)
        self.act_lock.setEnabled(
            bool(state and state.status is MeetingStatus.APPROVED and not state.locked)
        )
        self.act_final.setEnabled(bool(state and state.status is MeetingStatus.DRAFT))
        self.act_approve_previous.setEnabled(bool(state and state.previous is not None))
        self.banner.setText(self._banner_text(state))
        self.banner.setStyleSheet(
            coloured_text_style(done_colour(self.banner.palette()), bold=True) if locked else ""
        )
        for tab in self._editing_tabs:
            if locked:
                lock_widgets(tab)
            else:
                unlock_widgets(tab)

    def _banner_text(self, state: approval.ApprovalState | None) -> str:
        if state is None:
            return ""
        if state.status is MeetingStatus.APPROVED:
            text = _tr("Vastgesteld op {0}").format(date_text(state.approved_on))
            return text + (_tr(" — alleen lezen") if state.locked else _tr(" — ontgrendeld"))
        return label(state.status)


_BEFORE_LOCK = "_state_before_lock"


def _editable_widgets(root: QWidget) -> list[QWidget]:
    return (
        root.findChildren(QLineEdit)
        + root.findChildren(QTextEdit)
        + root.findChildren(QAbstractButton)
        + root.findChildren(QComboBox)
        + root.findChildren(QAbstractSpinBox)
        + root.findChildren(QAbstractItemView)
    )


def lock_widgets(root: QWidget) -> None:
    """Texts stay selectable and copyable; everything that changes something is off.

    Called after every reload while locked, so rows built since are locked too; each widget
    remembers its own state once, for ``unlock_widgets``.
    """
    for widget in _editable_widgets(root):
        if widget.property(_BEFORE_LOCK) is not None:
            continue
        if isinstance(widget, QLineEdit | QTextEdit):
            widget.setProperty(_BEFORE_LOCK, widget.isReadOnly())
            widget.setReadOnly(True)
        elif isinstance(widget, QAbstractItemView):
            widget.setProperty(_BEFORE_LOCK, int(widget.editTriggers().value))
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        else:
            widget.setProperty(_BEFORE_LOCK, widget.isEnabled())
            widget.setEnabled(False)


def unlock_widgets(root: QWidget) -> None:
    for widget in _editable_widgets(root):
        before = widget.property(_BEFORE_LOCK)
        if before is None:
            continue
        widget.setProperty(_BEFORE_LOCK, None)
        if isinstance(widget, QLineEdit | QTextEdit):
            widget.setReadOnly(bool(before))
        elif isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger(int(before)))
        else:
            widget.setEnabled(bool(before))
