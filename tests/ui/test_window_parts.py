"""The window's features are built with WindowParts: their commands' keys and enabling hold,
and none of them reaches into the main window."""

from __future__ import annotations

import ast
from pathlib import Path

from live_support import FakeClock, open_the_next_meeting
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow

from taskforce_desktop.ui.shortcut_priority import ShortcutPriority
from taskforce_desktop.ui.window_parts import WindowCommands

CTRL = Qt.KeyboardModifier.ControlModifier
UI = Path(__file__).resolve().parents[2] / "taskforce_desktop" / "ui"
FEATURES = [
    *sorted((UI / "live").glob("*.py")),
    *sorted((UI / "followup").glob("*.py")),
    UI / "translation.py",
    UI / "writing_help.py",
    UI / "safety_ui.py",
    UI / "export_actions.py",
]


def _window_with_a_field(qtbot) -> tuple[QMainWindow, QLineEdit, WindowCommands]:
    window = QMainWindow()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    window.setCentralWidget(field)
    commands = WindowCommands(window)
    ShortcutPriority(window, commands.from_every_field)  # a child of the window
    return window, field, commands


def _show_with_focus_in(qtbot, window: QMainWindow, field: QLineEdit) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.setFocus()


def test_a_command_from_every_field_fires_where_the_field_has_a_use_for_the_key(qtbot):
    window, field, commands = _window_with_a_field(qtbot)
    fired: list[str] = []
    # Ctrl+A selects a field's text: this command is registered to win all the same.
    commands.add("Alle punten", lambda: fired.append("alle"), "Ctrl+A", from_every_field=True)
    # Ctrl+C copies from the field, and stays the field's: this one is not registered.
    commands.add("Kopie", lambda: fired.append("kopie"), "Ctrl+C")
    _show_with_focus_in(qtbot, window, field)
    field.setText("notulen")

    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    assert fired == ["alle"]
    assert field.selectedText() == ""
    qtbot.keyClick(field, Qt.Key.Key_C, CTRL)
    assert fired == ["alle"]


def test_the_first_key_of_a_two_key_command_is_taken_from_a_field_too(qtbot):
    window, field, commands = _window_with_a_field(qtbot)
    fired: list[str] = []
    commands.add(
        "Twee toetsen", lambda: fired.append("twee"), "Ctrl+A, Ctrl+K", from_every_field=True
    )
    _show_with_focus_in(qtbot, window, field)
    field.setText("notulen")

    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    assert field.selectedText() == ""
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    assert fired == ["twee"]


def test_the_features_commands_are_off_without_a_meeting_and_on_with_one(window):
    meeting_id = window.session.meeting_id
    features = [
        window.live.action,
        window.followup.approval.act_final,
        window.act_new_decision,
    ]
    window.open_meeting(0)
    assert [action.isEnabled() for action in features] == [False, False, False]
    window.open_meeting(meeting_id)
    assert [action.isEnabled() for action in features] == [True, True, True]


def test_live_modes_approve_button_asks_the_menus_question(window, qtbot, monkeypatch):
    open_the_next_meeting(window, FakeClock())
    asked: list[str] = []
    monkeypatch.setattr(
        "taskforce_desktop.ui.followup.approval_controls.TextQuestion.ask",
        lambda _parent, title, _label, multiline=False: asked.append(title),
    )
    window.live.action.trigger()
    window.live.view.approve_button.click()
    assert asked == ["Vorig verslag vaststellen"]


def test_the_safety_entries_are_in_the_window_it_opens_with(window):
    """Built with the window, not installed afterwards: File has the backup entries right
    before Afsluiten, Help ends with the log."""
    entries = [action.text() for action in window.menu_file.actions()]
    assert entries[-5:] == [
        "&Reservekopie maken",
        "&Herstellen uit reservekopie…",
        "Noodkopie &terugzetten…",
        "",
        "&Afsluiten",
    ]
    assert window.menu_help.actions()[-1].text() == "&Logbestand openen"


def _is_window(node: ast.AST) -> bool:
    """`window`, `self.window` or `parts.window`: the window itself, not one of its parts."""
    return (isinstance(node, ast.Name) and node.id == "window") or (
        isinstance(node, ast.Attribute) and node.attr == "window"
    )


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    return {
        node
        for block in tree.body
        if isinstance(block, ast.If) and getattr(block.test, "id", "") == "TYPE_CHECKING"
        for node in ast.walk(block)
    }


def _window_reaches(tree: ast.Module) -> list[str]:
    """What a feature module does that only the window's own code may: a class that takes
    the MainWindow (a feature gets WindowParts), a window taken untyped, an attribute set on
    it, its private _action. Only the start sequence (module functions) may name MainWindow,
    and then for the type checker alone."""
    found = []
    for_the_type_checker = _type_checking_only(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "taskforce_desktop.ui.main_window"
            and node not in for_the_type_checker
        ):
            found.append(f"imports main_window on line {node.lineno}")
        elif isinstance(node, ast.ClassDef) and any(
            isinstance(inner, ast.Name) and inner.id == "MainWindow" for inner in ast.walk(node)
        ):
            found.append(f"class {node.name} takes the MainWindow")
        elif isinstance(node, ast.arg) and node.arg == "window" and node.annotation is None:
            found.append(f"takes the window untyped on line {node.lineno}")
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Attribute) and _is_window(t.value) for t in targets):
                found.append(f"sets an attribute on the window on line {node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr == "_action":
            found.append("calls the window's _action")
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") in ("getattr", "setattr")
            and node.args
            and _is_window(node.args[0])
        ):
            found.append(f"getattr or setattr on the window on line {node.lineno}")
    return found


def test_no_feature_reaches_into_the_main_window():
    reaching = {
        str(path.relative_to(UI)): problems
        for path in FEATURES
        if (problems := _window_reaches(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert reaching == {}
