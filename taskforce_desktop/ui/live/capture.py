"""Quick capture of a decision or an action while the meeting runs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from taskforce_desktop.core.dutch_dates import parse_due_date
from taskforce_desktop.ui.drafts import NO_DRAFT, Draft, DraftKey, read_drafts, write_drafts
from taskforce_desktop.ui.widgets.accessibility import StatusLabel, announce, set_description
from taskforce_desktop.ui.widgets.optional_date_edit import due_remark

if TYPE_CHECKING:
    from taskforce_desktop.ui.live.view import LiveMode

# Room for the example in the empty field and for a date typed the long way.
DUE_EXAMPLE_MARGIN = "xxxx"
DRAFTS_KEY = "live/drafts"  # in the window's settings, per meeting


class QuickCapture(QFrame):
    """The inline panel for a decision or an action.

    Enter in the text, in "Wanneer" or on "Toevoegen" adds it. In "Wie" Enter moves on to
    "Wanneer" instead: Enter is also how a name is taken from the suggestions, and adding
    there lost the due date. With the suggestions open, Tab and Enter take the highlighted
    name, or the first one, as Outlook does. Tab goes round text → Wie → Wanneer →
    Toevoegen; it left the panel for the attendee search, which took her date as a name.
    She is used to Tab after taking a name, so it may bring her from "Wanneer" to
    "Toevoegen": what she types there goes into the field before it, not nowhere (and not
    a Space that adds too soon).

    Closing the panel (Esc, leaving Live, another panel) keeps what she typed, per meeting
    and kind: Ctrl+Shift+A or Ctrl+Shift+B brings it back as she left it. Only "Leegmaken"
    throws it away. The window's settings hold the drafts and what the open panel shows,
    from every key on, so a quit or a crash loses nothing either.
    """

    def __init__(self, live: LiveMode, settings: QSettings) -> None:
        super().__init__(live)
        self.live = live
        self.kind = ""
        self.settings = settings
        self.drafts: dict[DraftKey, Draft] = read_drafts(settings, DRAFTS_KEY)
        self.restored = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(self)
        self.text = QLineEdit(self)
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(self.tr("Wie"))
        self.owner.setAccessibleName(self.tr("Wie voert het actiepunt uit"))
        self.owners = QStringListModel(self)
        completer = QCompleter(self.owners, self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        suggestions = completer.popup()
        assert suggestions is not None  # a completer makes its list when asked for it
        self.suggestions = suggestions
        suggestions.installEventFilter(self)  # seen before the completer's own filter
        self.due = QLineEdit(self)
        self.due.setPlaceholderText(self.tr("Wanneer: vrijdag, 14 okt, over 2 weken"))
        self.due.setAccessibleName(self.tr("Wanneer"))
        # Cut off at 1366 pixels, the example read "over 2 …".
        self.due.setMinimumWidth(
            self.due.fontMetrics().horizontalAdvance(
                self.due.placeholderText() + DUE_EXAMPLE_MARGIN
            )
        )
        self.due_hint = StatusLabel(self.tr("Herkende datum"), self)
        self.add_button = QPushButton(self.tr("Toevoegen"), self)
        self.add_button.setAutoDefault(True)  # Enter on the button adds, as Space does
        self.add_button.clicked.connect(self.save)
        self.add_button.installEventFilter(self)
        # Not in the Tab round: a Space typed after one Tab too many would throw it all away.
        self.discard_button = QPushButton(self.tr("Leegmaken"), self)
        self.discard_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.discard_button.setAccessibleDescription(
            self.tr("Gooit weg wat in dit paneel getypt is")
        )
        self.discard_button.clicked.connect(self.discard)
        self.caption.setBuddy(self.text)
        row = QHBoxLayout(self)
        row.addWidget(self.caption)
        row.addWidget(self.text, 3)
        row.addWidget(self.owner, 1)
        row.addWidget(self.due, 1)
        row.addWidget(self.due_hint)
        row.addWidget(self.add_button)
        row.addWidget(self.discard_button)
        for field in (self.text, self.due):
            field.returnPressed.connect(self.save)
        # Later: the completer puts the chosen name in only after the field saw the Enter.
        self.owner.returnPressed.connect(lambda: QTimer.singleShot(0, self._to_due))
        self.due.textChanged.connect(self._show_due)
        for field in self._named_fields().values():
            field.textEdited.connect(self._keep_in_settings)

        # Outside the panel: it also says what was kept once the panel is closed.
        self.note = StatusLabel(self.tr("Niet toegevoegd, wel bewaard"), live)
        self.note.setWordWrap(True)
        self.note.hide()
        self.hide()

    def _fields(self) -> list[QWidget]:
        if self.kind == "action":
            return [self.text, self.owner, self.due, self.add_button]
        return [self.text, self.add_button]

    def _named_fields(self) -> dict[str, QLineEdit]:
        return {"text": self.text, "owner": self.owner, "due": self.due}

    def _key(self, kind: str) -> DraftKey:
        return (self.live.session.meeting_id or 0, kind)

    # --- opening, closing and the draft ----------------------------------------------

    def open(self, kind: str, owners: list[str]) -> None:
        if self.isVisible():
            self._keep_draft()
        self.kind = kind
        is_action = kind == "action"
        self.caption.setText(self.tr("&Actiepunt:") if is_action else self.tr("&Besluit:"))
        self.text.setAccessibleName(
            self.tr("Omschrijving van het actiepunt")
            if is_action
            else self.tr("Tekst van het besluit")
        )
        for field in (self.owner, self.due, self.due_hint):
            field.setVisible(is_action)
        draft = self.drafts.pop(self._key(kind), None)
        self._fill(draft or NO_DRAFT)
        self.restored = draft is not None
        self.owners.setStringList(owners)
        self.show()
        # Once shown: a hidden panel's fields are not kept, and the draft just taken out of
        # the kept ones would be gone at a quit before her next key.
        self._keep_in_settings()
        self.show_note()
        # Not a shortcut's focus: that selects all, and her next key would replace the draft.
        self._named_fields().get(draft.field if draft else "text", self.text).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def _fill(self, draft: Draft) -> None:
        self.text.setText(draft.text)
        self.owner.setText(draft.owner)
        self.due.setText(draft.due)
        self._show_due()

    def _shown_draft(self) -> Draft:
        focused = self.focusWidget()
        field = next(
            (name for name, widget in self._named_fields().items() if widget is focused), "text"
        )
        return Draft(self.text.text(), self.owner.text(), self.due.text(), field)

    def _keep_draft(self) -> None:
        """Remember what is in the panel; nothing typed is lost by closing it."""
        draft = self._shown_draft()
        if not draft.is_empty():
            self.drafts[self._key(self.kind)] = draft
        self._keep_in_settings()

    def _keep_in_settings(self) -> None:
        kept = dict(self.drafts)
        shown = self._shown_draft()
        if self.isVisible() and not shown.is_empty():
            kept[self._key(self.kind)] = shown
        write_drafts(self.settings, DRAFTS_KEY, kept)

    def put_away(self) -> None:
        """Hide the panel and keep its draft (when she leaves Live, say)."""
        if self.isVisible():
            self._keep_draft()
            self.hide()
        self.show_note()
        if self.note.isVisible():
            announce(self.note, self.note.text())

    def close_panel(self) -> None:
        self.put_away()
        self.live.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def discard(self) -> None:
        self._fill(NO_DRAFT)
        self.drafts.pop(self._key(self.kind), None)
        self.restored = False
        self._keep_in_settings()
        self.show_note()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_suggestions(self) -> bool:
        """Hide the owner suggestions; False when they were not open."""
        if not self.suggestions.isVisible():
            return False
        self.suggestions.hide()
        return True

    def resume(self) -> None:
        """The cursor back in the panel, in the field she was in."""
        focused = self.focusWidget()
        (focused if focused in self._fields() else self.text).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def show_note(self) -> None:
        kept = {
            "action": self.tr(
                "Actiepunt niet toegevoegd maar bewaard: Ctrl+Shift+A haalt het terug."
            ),
            "decision": self.tr(
                "Besluit niet toegevoegd maar bewaard: Ctrl+Shift+B haalt het terug."
            ),
        }
        back = {
            "action": self.tr("Uw actiepunt van daarnet staat er weer."),
            "decision": self.tr("Uw besluit van daarnet staat er weer."),
        }
        open_kind = self.kind if self.isVisible() else ""
        parts = [back[open_kind]] if open_kind and self.restored else []
        parts += [
            message
            for kind, message in kept.items()
            if kind != open_kind and self._key(kind) in self.drafts
        ]
        self.note.setText(" ".join(parts))
        self.note.setVisible(bool(parts))

    # --- the keys ---------------------------------------------------------------------

    def _to_due(self) -> None:
        if self.isVisible():
            self.due.setFocus(Qt.FocusReason.TabFocusReason)

    def _take_first_suggestion_unless_one_is_chosen(self, event: QEvent) -> None:
        """Tab or Enter with the suggestions open takes the highlighted name, or the first,
        as Outlook does: the completer alone took none on Tab, and "Anna" stayed the owner."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.suggestions.currentIndex().isValid()
        ):
            self.suggestions.setCurrentIndex(self.suggestions.model().index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.suggestions:
            self._take_first_suggestion_unless_one_is_chosen(event)
            return False
        if (
            watched is self.add_button
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text().strip()
            and event.text().isprintable()
        ):
            last_field = self.due if self.kind == "action" else self.text
            last_field.setFocus(Qt.FocusReason.OtherFocusReason)
            last_field.deselect()
            last_field.end(False)
            QApplication.sendEvent(last_field, event)
            return True
        return super().eventFilter(watched, event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's virtual
        fields = self._fields()
        focused = self.focusWidget()
        if not self.isVisible() or focused not in fields:
            return super().focusNextPrevChild(forward)
        index = (fields.index(focused) + (1 if forward else -1)) % len(fields)
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        fields[index].setFocus(reason)
        return True

    # --- the due date -----------------------------------------------------------------

    def due_date(self) -> dt.date | None:
        """What "vrijdag" or "over 2 weken" in "Wanneer" means, counted from the meeting."""
        return parse_due_date(self.due.text(), self.live.session.meeting_day())

    def _show_due(self) -> None:
        recognised = ""
        if self.due.text().strip():
            due = self.due_date()
            recognised = (
                due_remark(due, self.live.session.meeting_day())
                if due
                else self.tr("onbekende datum")
            )
        self.due_hint.setText(recognised)
        # Read in the field itself too: she is typing there, not looking at the hint.
        set_description(self.due, recognised)

    # --- adding -----------------------------------------------------------------------

    def save(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.text.setFocus()
            return
        if self.kind == "action":
            if self.due.text().strip() and self.due_date() is None:
                self.due.setFocus()
                self.due.selectAll()
                return
            saved = self.live.add_action(text, self.owner.text().strip(), self.due_date())
        else:
            saved = self.live.add_decision(text)
        if saved:
            self._fill(NO_DRAFT)
            self.restored = False
            self.close_panel()  # keeps the drafts in the settings without this one
