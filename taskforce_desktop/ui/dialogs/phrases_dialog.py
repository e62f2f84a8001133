"""Tekstblokken: the committee's stock phrases, their codes and what they put in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taskforce_desktop.core.phrases import (
    ACTION,
    DECISION,
    STARTER_PHRASES,
    TEXT,
    Phrase,
    PhraseBook,
)
from taskforce_desktop.ui.widgets.colours import problem_style


class PhrasesDialog(QDialog):
    """Edit the list; OK saves it for the committee (a bad code keeps the dialog open)."""

    def __init__(self, book: PhraseBook, committee: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tekstblokken – {0}").format(committee or self.tr("algemeen")))
        self._book = book
        self._committee = committee
        self._phrases = book.phrases(committee)
        self._showing = False

        self.list = QListWidget(self)
        self.code = QLineEdit(self)
        self.code.setMaxLength(12)
        self.kind = QComboBox(self)
        for label, kind in (
            (self.tr("Tekst"), TEXT),
            (self.tr("Besluit vastleggen"), DECISION),
            (self.tr("Actiepunt vastleggen"), ACTION),
        ):
            self.kind.addItem(label, kind)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleDescription(
            self.tr(
                "**vet**, *cursief*, “- ” voor een opsomming; {cursor} is waar de cursor "
                "komt. Bij een besluit of actie komen daar de woorden die u vóór de code typte."
            )
        )
        self.problem = QLabel(self)
        self.problem.setStyleSheet(problem_style(self.problem))
        self.add_button = QPushButton(self.tr("&Nieuw"), self)
        self.remove_button = QPushButton(self.tr("&Verwijderen"), self)
        self.starter_button = QPushButton(self.tr("&Beginlijst terugzetten"), self)

        form = QFormLayout()
        for caption_text, name, field in (
            (self.tr("&Code (typ ;code en Tab):"), self.tr("Code"), self.code),
            (self.tr("&Soort:"), self.tr("Soort"), self.kind),
            (self.tr("&Tekst:"), self.tr("Tekst"), self.text),
        ):
            caption = QLabel(caption_text, self)
            caption.setBuddy(field)
            field.setAccessibleName(name)  # a list box is otherwise read as its current choice
            form.addRow(caption, field)
        list_caption = QLabel(self.tr("&Lijst:"), self)
        list_caption.setBuddy(self.list)
        self.list.setAccessibleName(self.tr("Tekstblokken"))
        left = QVBoxLayout()
        left.addWidget(list_caption)
        left.addWidget(self.list)
        row_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.starter_button):
            row_buttons.addWidget(button)
        left.addLayout(row_buttons)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(form, 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        self.list.currentRowChanged.connect(self._show_phrase)
        self.code.textEdited.connect(self._take_fields)
        self.kind.currentIndexChanged.connect(self._take_fields)
        self.text.textChanged.connect(self._take_fields)
        self.add_button.clicked.connect(self.add_phrase)
        self.remove_button.clicked.connect(self.remove_phrase)
        self.starter_button.clicked.connect(self._restore_starters)
        self._fill_list(0)
        self.resize(760, 420)

    def phrases(self) -> list[Phrase]:
        return list(self._phrases)

    def _fill_list(self, row: int) -> None:
        self.list.clear()
        for phrase in self._phrases:
            self.list.addItem(self._label(phrase))
        self.list.setCurrentRow(min(row, len(self._phrases) - 1))
        self._show_phrase(self.list.currentRow())

    @staticmethod
    def _label(phrase: Phrase) -> str:
        return f";{phrase.code}  {phrase.text.splitlines()[0] if phrase.text else ''}"

    def _show_phrase(self, row: int) -> None:
        has_phrase = 0 <= row < len(self._phrases)
        for field in (self.code, self.kind, self.text, self.remove_button):
            field.setEnabled(has_phrase)
        self._showing = True
        try:
            phrase = self._phrases[row] if has_phrase else Phrase("", "")
            self.code.setText(phrase.code)
            self.kind.setCurrentIndex(max(0, self.kind.findData(phrase.kind)))
            self.text.setPlainText(phrase.text)
        finally:
            self._showing = False

    def _take_fields(self, *_args: object) -> None:
        row = self.list.currentRow()
        if self._showing or not 0 <= row < len(self._phrases):
            return
        phrase = Phrase(
            self.code.text().strip().lower(), self.text.toPlainText(), self.kind.currentData()
        )
        self._phrases[row] = phrase
        self.list.item(row).setText(self._label(phrase))

    def add_phrase(self) -> None:
        self._phrases.append(Phrase("", "{cursor}"))
        self._fill_list(len(self._phrases) - 1)
        self.code.setFocus()

    def remove_phrase(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._phrases):
            del self._phrases[row]
            self._fill_list(row)
            self.list.setFocus()

    def _restore_starters(self) -> None:
        self._phrases = list(STARTER_PHRASES)
        self._fill_list(0)

    def _save(self) -> None:
        try:
            self._book.set_phrases(self._committee, self._phrases)
        except (ValueError, OSError) as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
