"""Stock phrases (tekstblokken): what she types again and again, under a short code.

Typing ``;`` + the code and then Tab in an editor puts the phrase in. A phrase is Markdown
(the editor's lists and bold), with ``{cursor}`` where the cursor lands. A phrase of kind
``besluit`` or ``actie`` records a decision or an action of the agenda point instead of
only typing its words.

The phrases live per committee in ``tekstblokken.json`` in the data folder (0600), so they
travel with the data folder and its backups; a committee without phrases of its own gets
the starter set. They do not travel in the meeting file.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from taskforce_desktop.core.private_files import read_private_file, write_private_file

PHRASES_FILENAME = "tekstblokken.json"
CURSOR_MARK = "{cursor}"
TEXT, DECISION, ACTION = "tekst", "besluit", "actie"
KINDS = (TEXT, DECISION, ACTION)
CODE_PATTERN = re.compile(r"[a-z0-9]{1,12}")
_FILE_VERSION = 1


@dataclass(frozen=True)
class Phrase:
    code: str
    text: str
    kind: str = TEXT

    def without_cursor_mark(self) -> tuple[str, int | None]:
        """The text without ``{cursor}``, and where the mark stood (None: at the end)."""
        index = self.text.find(CURSOR_MARK)
        if index < 0:
            return self.text, None
        return self.text.replace(CURSOR_MARK, "", 1), index


STARTER_PHRASES = (
    Phrase("kn", "Er wordt kennis genomen van {cursor}."),
    Phrase("vv", "Het verslag wordt ongewijzigd vastgesteld."),
    Phrase("vw", "Het verslag wordt met de volgende wijzigingen vastgesteld:\n\n- {cursor}"),
    Phrase("con", "**Concluderend:** {cursor}"),
    Phrase("adv", "De Taskforce adviseert het College om {cursor}."),
    Phrase("mk", "De mededelingen worden voor kennisgeving aangenomen."),
    Phrase("bs", "{cursor}", DECISION),
    Phrase("ac", "{cursor}", ACTION),
)


def check_phrase(phrase: Phrase) -> None:
    """ValueError (in Dutch) for a phrase the editor could not expand."""
    if not CODE_PATTERN.fullmatch(phrase.code):
        raise ValueError(
            f"Code “{phrase.code}”: 1 tot 12 kleine letters of cijfers, zonder spaties."
        )
    if phrase.kind not in KINDS:
        raise ValueError(f"Onbekende soort “{phrase.kind}”.")
    if phrase.kind == TEXT and not phrase.text.replace(CURSOR_MARK, "").strip():
        raise ValueError(f"Tekstblok “{phrase.code}” heeft geen tekst.")


class PhraseBook:
    """The phrases of every committee of one data folder."""

    def __init__(self, data_dir: Path | None) -> None:
        self._path = Path(data_dir) / PHRASES_FILENAME if data_dir else None
        self._by_committee: dict[str, list[Phrase]] = self._read()

    def _read(self) -> dict[str, list[Phrase]]:
        if self._path is None or not self._path.exists():
            return {}
        try:
            content = json.loads(read_private_file(self._path).decode("utf-8"))
            return {
                committee: [_phrase_from(entry) for entry in entries]
                for committee, entries in content["committees"].items()
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            # A damaged file costs her the phrases, never the window: she gets the starters.
            return {}

    def phrases(self, committee: str) -> list[Phrase]:
        return list(self._by_committee.get(committee, STARTER_PHRASES))

    def find(self, committee: str, code: str) -> Phrase | None:
        return next((p for p in self.phrases(committee) if p.code == code), None)

    def set_phrases(self, committee: str, phrases: list[Phrase]) -> None:
        """Replace the committee's phrases (ValueError, in Dutch, for a bad or double code)."""
        codes = [phrase.code for phrase in phrases]
        doubles = sorted({code for code in codes if codes.count(code) > 1})
        if doubles:
            raise ValueError(f"De code “{doubles[0]}” staat er meer dan één keer in.")
        for phrase in phrases:
            check_phrase(phrase)
        self._by_committee[committee] = list(phrases)
        if self._path is not None:
            content = {
                "version": _FILE_VERSION,
                "committees": {
                    name: [asdict(phrase) for phrase in entries]
                    for name, entries in self._by_committee.items()
                },
            }
            text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
            write_private_file(self._path, text.encode("utf-8"))


def _phrase_from(entry: dict[str, Any]) -> Phrase:
    phrase = Phrase(str(entry["code"]), str(entry["text"]), str(entry.get("kind", TEXT)))
    check_phrase(phrase)
    return phrase
