"""Update the English translation: collect the window's Dutch texts, then compile the .qm.

    python scripts/translations.py            # update resources/translations/taskforce_en.ts
    python scripts/translations.py --check    # exit 1 when a text has no translation

The texts are the string literals passed to ``tr``, ``self.tr``, ``window.tr``, a module's
``_tr``, ``translate(context, text)`` and the ``QT_TR_NOOP`` markers. Qt's ``lupdate`` finds only the first kinds and
guesses the context from the variable (``window.tr`` became context "window"), so this
collects them itself into one context: the app looks a text up by its Dutch source alone
(``ui.translation``). Existing translations are kept; open the .ts in Qt Linguist
(``pyside6-linguist``) to translate new texts, then run this again to compile it with
``pyside6-lrelease``.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "taskforce_desktop"
TS_FILE = ROOT / "resources" / "translations" / "taskforce_en.ts"
CONTEXT = "Taskforce"  # ui.translation.CATALOGUE_CONTEXT


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def texts_of(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        if name in ("tr", "_tr", "QT_TR_NOOP"):
            text = _literal(node.args[0])
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            text = _literal(node.args[1])
        else:
            continue
        if text:
            found.append(text)
    return found


def collect() -> list[str]:
    texts: dict[str, None] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        if "core" in path.relative_to(SOURCES).parts:
            continue  # core has no Qt: its messages are not the window's texts
        for text in texts_of(ast.parse(path.read_text(encoding="utf-8"))):
            texts.setdefault(text, None)
    return list(texts)


def read_translations(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    translations = {}
    for message in ElementTree.parse(path).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") is None:
            translations[source] = translation.text
    return translations


def write_ts(path: Path, texts: list[str], translations: dict[str, str]) -> None:
    root = ElementTree.Element("TS", version="2.1", language="en_GB", sourcelanguage="nl_NL")
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = CONTEXT
    for text in texts:
        message = ElementTree.SubElement(context, "message")
        ElementTree.SubElement(message, "source").text = text
        translation = ElementTree.SubElement(message, "translation")
        if text in translations:
            translation.text = translations[text]
        else:
            translation.set("type", "unfinished")
    ElementTree.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ElementTree.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


def compile_qm(path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        raise SystemExit("pyside6-lrelease not found next to this Python (pip install PySide6)")
    subprocess.run([lrelease, str(path), "-qm", str(path.with_suffix(".qm"))], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated texts")
    options = parser.parse_args(argv)
    texts = collect()
    translations = read_translations(TS_FILE)
    missing = [text for text in texts if text not in translations]
    if options.check:
        for text in missing:
            print(f"untranslated: {text!r}")
        return 1 if missing else 0
    write_ts(TS_FILE, texts, translations)
    compile_qm(TS_FILE)
    print(f"{len(texts)} texts, {len(missing)} untranslated: {TS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
