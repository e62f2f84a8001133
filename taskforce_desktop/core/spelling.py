"""Dutch spelling: the OpenTaal dictionary, her own word list and the names she works with.

The dictionary is the Hunspell form of OpenTaal's word list (resources/dictionaries, under
its own licence), read by spylls, a pure Python port of Hunspell that installs everywhere
without a compiler. Loading it takes a few seconds, so whoever shows a window loads it on a
thread of its own; a word is then looked up in well under a millisecond.

Her own words live in ``woordenlijst.txt`` in the data folder (0600, one word a line). The
names of the committee's people and organisations are learned from the open meeting and kept
in memory only: a person erased from the store (AVG) leaves no trace in a word list.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterable
from pathlib import Path

from spylls.hunspell import Dictionary, readers
from spylls.hunspell.readers.file_reader import FileReader

from taskforce_desktop.core.private_files import read_private_file, write_private_file
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.paths import resource

WORD_LIST_FILENAME = "woordenlijst.txt"
DICTIONARY_STEM = "nl"
# A word: letters, joined by an apostrophe ("auto's") or a hyphen ("Noord-Holland").
WORD_PATTERN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# The suggestions of an unusual word can take Hunspell's slow n-gram pass; a context menu
# shows what was found by then.
SUGGESTION_SECONDS = 0.4
MAX_SUGGESTIONS = 6


def words_in(text: str) -> Iterable[tuple[int, str]]:
    """(offset, word) for each word of ``text`` the checker has an opinion on."""
    for match in WORD_PATTERN.finditer(text):
        word = match.group()
        if len(word) > 1 and not word.isupper():  # abbreviations: AVG, GGD, MT
            yield match.start(), word


class _ClosingFileReader(FileReader):  # type: ignore[misc]  # spylls has no type hints
    """spylls' own reader leaves its files open, and reopens one on a change of encoding."""

    def reset_io(self, obj: object) -> None:
        previous = getattr(self, "io", None)
        if previous is not None:
            previous.close()
        super().reset_io(obj)

    def close(self) -> None:
        self.io.close()


@functools.cache
def dutch_dictionary() -> Dictionary:
    """OpenTaal's dictionary, read once per process (it is only ever read)."""
    stem = str(resource("dictionaries", DICTIONARY_STEM))
    aff_reader = _ClosingFileReader(stem + ".aff")
    try:
        aff, context = readers.read_aff(aff_reader)
    finally:
        aff_reader.close()
    dic_reader = _ClosingFileReader(stem + ".dic", encoding=context.encoding)
    try:
        dic = readers.read_dic(dic_reader, aff=aff, context=context)
    finally:
        dic_reader.close()
    return Dictionary(aff, dic)


def names_in_meeting(meeting: MeetingRecord) -> list[str]:
    """The committee, its people and organisations, presenters and owners of a meeting."""
    names = [meeting.committee.name]
    for attendee in meeting.attendees:
        names += [attendee.person.name, attendee.person.organisation]
    for item in meeting.agenda:
        names.append(item.presenter)
        names += [action.owner for action in item.actions]
    return names


def _name_words(names: Iterable[str]) -> set[str]:
    return {word for name in names for _offset, word in words_in(name or "")}


class SpellChecker:
    """Whether a word is spelled right, and what she may have meant.

    ``is_correct`` may be called from one checking thread while the window asks for
    suggestions: the dictionary is only read.
    """

    def __init__(self, data_dir: Path | None, dictionary: Dictionary | None = None) -> None:
        self._word_list_path = Path(data_dir) / WORD_LIST_FILENAME if data_dir else None
        self._dictionary = dictionary or dutch_dictionary()
        self._own_words = self._read_own_words()
        self._names: set[str] = set()
        self._verdicts: dict[str, bool] = {}
        self.suggestion_seconds = SUGGESTION_SECONDS

    def _read_own_words(self) -> set[str]:
        if self._word_list_path is None or not self._word_list_path.exists():
            return set()
        text = read_private_file(self._word_list_path).decode("utf-8", errors="replace")
        return {line.strip() for line in text.splitlines() if line.strip()}

    def is_correct(self, word: str) -> bool:
        verdicts = self._verdicts  # a verdict reached before new names came goes with it
        verdict = verdicts.get(word)
        if verdict is None:
            verdict = self._known(word) or bool(self._dictionary.lookup(word))
            verdicts[word] = verdict
        return verdict

    def known_verdict(self, word: str) -> bool | None:
        """The verdict on ``word`` if it was looked up before (never waits for the dictionary)."""
        return self._verdicts.get(word)

    def _known(self, word: str) -> bool:
        known = self._own_words | self._names
        return word in known or word.lower() in known or word.capitalize() in known

    def suggestions(self, word: str) -> list[str]:
        found: list[str] = []
        deadline = time.monotonic() + self.suggestion_seconds
        for suggestion in self._dictionary.suggest(word):
            if suggestion not in found:
                found.append(suggestion)
            if len(found) >= MAX_SUGGESTIONS or time.monotonic() > deadline:
                break
        return found

    def add_word(self, word: str) -> None:
        """Accept ``word`` from now on, in every meeting of this data folder."""
        self._own_words.add(word)
        self._forget_verdicts()
        if self._word_list_path is not None:
            content = "".join(f"{w}\n" for w in sorted(self._own_words))
            write_private_file(self._word_list_path, content.encode("utf-8"))

    def learn_names(self, names: Iterable[str]) -> None:
        """Accept the words of these names (people, organisations, the committee)."""
        words = _name_words(names)
        if words != self._names:
            self._names = words
            self._forget_verdicts()

    def _forget_verdicts(self) -> None:
        self._verdicts = {}
