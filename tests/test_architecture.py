"""The rules of docs/architecture.md that keep the house simple, checked."""

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "taskforce_desktop"


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_never_imports_qt_or_the_ui():
    offenders = {}
    for source in (PACKAGE / "core").rglob("*.py"):
        bad = {
            name
            for name in _imported_modules(source)
            if name.split(".")[0] in ("PySide6", "shiboken6")
            or name.startswith("taskforce_desktop.ui")
        }
        if bad:
            offenders[str(source.relative_to(PACKAGE))] = sorted(bad)
    assert offenders == {}


# A module named in a string (importlib.import_module, __import__) escapes the import graph
# that import-linter reads; core's source must not name the window or Qt at all.
_NAMES_CORE_MUST_NOT_WRITE = ("taskforce_desktop.ui", "PySide6", "shiboken6", "__import__")


def test_core_names_neither_the_ui_nor_qt_even_in_a_string():
    offenders = {
        str(source.relative_to(PACKAGE)): sorted(
            name for name in _NAMES_CORE_MUST_NOT_WRITE if name in source.read_text("utf-8")
        )
        for source in (PACKAGE / "core").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_core_imports_no_module_by_name():
    offenders = sorted(
        str(source.relative_to(PACKAGE))
        for source in (PACKAGE / "core").rglob("*.py")
        if "importlib" in _imported_modules(source)
    )
    assert offenders == []


def test_core_and_non_gui_commands_load_no_qt(tmp_path):
    sample = PACKAGE.parent / "resources" / "samples" / "voorbeeld.verslag.json"
    data_dir = tmp_path / "gegevens"  # an export into the data folder itself is refused
    script = f"""
import io, contextlib, json, sys
import taskforce_desktop.core
from taskforce_desktop.core import services, meeting_file, markdown, store
from taskforce_desktop.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    assert main(["--data-dir", {str(data_dir)!r}, "import", {str(sample)!r}]) == 0
    assert main(["--data-dir", {str(data_dir)!r}, "list"]) == 0
    assert main(["--data-dir", {str(data_dir)!r}, "export", "1", "--format", "json",
                 "--output", {str(tmp_path / "out.json")!r}]) == 0
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))))
"""
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(output.strip().splitlines()[-1]) == []
