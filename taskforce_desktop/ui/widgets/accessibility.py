"""What a screen reader needs beyond a name: values it can hear, changes it is told, headings.

A `QLabel` given a fixed accessible name ("Opslagstatus") is read as that name and nothing
else, so a blind secretary never hears whether her notes are saved. A `StatusLabel` keeps the
name as the caption and puts what it shows in the accessible description, and can announce a
change that matters without taking the focus. Qt offers no way to give a widget the heading
role, so captions marked with `mark_heading` get it from an accessibility factory.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAction,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QAbstractScrollArea, QAccessibleWidget, QLabel, QLineEdit, QWidget

_HEADING_PROPERTY = "accessibleHeading"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Accessibility", text)


def announce(widget: QWidget, spoken: str, *, assertive: bool = False) -> None:
    """Have a screen reader say spoken now, without moving the focus."""
    if not QAccessible.isActive():
        return
    announcement = QAccessibleAnnouncementEvent(widget, spoken)
    announcement.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if assertive
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(announcement)


def set_description(widget: QWidget, description: str) -> None:
    """The description, and the event that makes a screen reader read it again."""
    if widget.accessibleDescription() == description:
        return
    widget.setAccessibleDescription(description)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(
            QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged)
        )


def plain_text(text: str) -> str:
    """What a label shows, without the markup a rich-text label may hold."""
    if "<" not in text:
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText()


def name_scroll_bars(area: QAbstractScrollArea, name: str) -> None:
    """Name an area and its scroll bars, which a screen reader otherwise lists as nameless."""
    area.setAccessibleName(name)
    area.verticalScrollBar().setAccessibleName(_tr("{0}, verticaal schuiven").format(name))
    area.horizontalScrollBar().setAccessibleName(_tr("{0}, horizontaal schuiven").format(name))


def add_clear_button(field: QLineEdit) -> None:
    """Qt's clear button, with a name: Qt leaves it a nameless button in the screen reader."""
    field.setClearButtonEnabled(True)
    clear = field.findChild(QAction, "_q_qlineeditclearaction")
    if clear is not None:
        clear.setText(_tr("Tekst wissen"))
        clear.setToolTip(_tr("Tekst wissen"))


class StatusLabel(QLabel):
    """A value with a fixed caption: the caption is the name, the value its description."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(caption)

    def setText(self, text: str) -> None:
        super().setText(text)
        set_description(self, plain_text(text))

    def clear(self) -> None:
        self.setText("")

    def set_announced_text(self, text: str, *, assertive: bool = False) -> None:
        """Show text and say it, when it is news the secretary must hear while she types."""
        changed = text != self.text()
        self.setText(text)
        if changed and text:
            announce(self, f"{self.accessibleName()}: {plain_text(text)}", assertive=assertive)


class _HeadingInterface(QAccessibleWidget):
    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)

    def text(self, kind: QAccessible.Text) -> str:
        own = super().text(kind)
        if kind == QAccessible.Text.Name and not own:
            label = self.widget()
            return plain_text(label.text()).replace("&", "") if isinstance(label, QLabel) else ""
        return own


def _heading_factory(_class_name: str, candidate: object) -> QAccessibleWidget | None:
    if isinstance(candidate, QLabel) and candidate.property(_HEADING_PROPERTY):
        return _HeadingInterface(candidate)
    return None


_factory_installed = False


def mark_heading(label: QLabel) -> QLabel:
    """Give a section caption the heading role, so a screen reader can jump between sections.

    Call it before anything asks for the label's accessibility interface: Qt keeps the first
    interface it made for a widget.
    """
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_heading_factory)
        _factory_installed = True
    label.setProperty(_HEADING_PROPERTY, True)
    return label
