"""Dutch spelling: the OpenTaal dictionary, her own word list and the names she works with.

The dictionary is the Hunspell form of OpenTaal's word list (resources/dictionaries, under
its own licence), read by Hunspell itself through chunspell, which ships wheels with Hunspell
inside for Windows, macOS and Linux (no compiler, no system library). It loads in half a
second and 20 MB (spylls, the pure Python port, took 3 s and 190 MB), and a word is looked
up in a fraction of a millisecond; whoever shows a window still loads it on a thread of its
own.

Her own words live in ``woordenlijst.txt`` in the data folder (0600, one word a line). The
names of the committee's people and organisations are learned from the open meeting and kept
in memory only: a person erased from the store (AVG) leaves no trace in a word list.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable
from pathlib import Path

from taskforce_desktop.core.private_files import read_private_file, write_private_file
from taskforce_desktop.core.records import MeetingRecord
from taskforce_desktop.paths import resource

WORD_LIST_FILENAME = "woordenlijst.txt"
# Shipped beside the dictionary: the laws and papers of local government it lacks (Wlz,
# raadsinformatiebrief), so a verslag about them is not full of red lines.
LOCAL_GOVERNMENT_WORDS = "gemeentelijk.txt"
# A short abbreviation before a hyphen joins a word, as Dutch spelling asks: "Wmo-vervoer",
# "Wlz-indicatie". Longer first parts are compounds written as one word ("jeugdwettaken").
ABBREVIATION_MAX_LETTERS = 4
DICTIONARY_STEM = "nl"
# English in a Dutch verslag is common (a project's name, a quote): a word right in English
# is not marked. Suggestions stay Dutch.
SECOND_LANGUAGE_STEM = "en_US"
# A word: letters, joined by an apostrophe ("auto's") or a hyphen ("Noord-Holland").
WORD_PATTERN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
MAX_SUGGESTIONS = 6


def words_in(text: str) -> Iterable[tuple[int, str]]:
    """(offset, word) for each word of ``text`` the checker has an opinion on."""
    for match in WORD_PATTERN.finditer(text):
        word = match.group()
        if len(word) > 1 and not word.isupper():  # abbreviations: AVG, GGD, MT
            yield match.start(), word


class DutchDictionary:
    """OpenTaal's words, and SCOWL's English ones accepted beside them.

    Hunspell's objects answer one thread at a time, so a lock guards them.
    """

    def __init__(self) -> None:
        # Imported here, on the checking thread: off the window's start, and a platform
        # without the binding loses the marks (the log says so), not the app.
        from hunspell import Hunspell

        folder = str(resource("dictionaries"))
        self._hunspell = Hunspell(DICTIONARY_STEM, hunspell_data_dir=folder)
        self._second_language = Hunspell(SECOND_LANGUAGE_STEM, hunspell_data_dir=folder)
        self._lock = threading.Lock()

    def lookup(self, word: str) -> bool:
        with self._lock:
            return bool(self._hunspell.spell(word) or self._second_language.spell(word))

    def suggest(self, word: str) -> list[str]:
        with self._lock:
            return [str(suggestion) for suggestion in self._hunspell.suggest(word)]


@functools.cache
def dutch_dictionary() -> DutchDictionary:
    """Read once per process: her own words and the names are kept apart from it."""
    return DutchDictionary()


@functools.cache
def local_government_words() -> frozenset[str]:
    text = resource("dictionaries", LOCAL_GOVERNMENT_WORDS).read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


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

    def __init__(self, data_dir: Path | None, dictionary: DutchDictionary | None = None) -> None:
        self._word_list_path = Path(data_dir) / WORD_LIST_FILENAME if data_dir else None
        self._dictionary = dictionary or dutch_dictionary()
        self._own_words = self._read_own_words()
        self._names: set[str] = set()
        self._verdicts: dict[str, bool] = {}

    def _read_own_words(self) -> set[str]:
        if self._word_list_path is None or not self._word_list_path.exists():
            return set()
        text = read_private_file(self._word_list_path).decode("utf-8", errors="replace")
        return {line.strip() for line in text.splitlines() if line.strip()}

    def is_correct(self, word: str) -> bool:
        verdicts = self._verdicts  # a verdict reached before new names came goes with it
        verdict = verdicts.get(word)
        if verdict is None:
            verdict = (
                self._known(word)
                or self._dictionary.lookup(word)
                or self._joined_to_an_abbreviation(word)
            )
            verdicts[word] = verdict
        return verdict

    def _joined_to_an_abbreviation(self, word: str) -> bool:
        head, hyphen, tail = word.partition("-")
        if not hyphen or not tail or len(head) > ABBREVIATION_MAX_LETTERS:
            return False
        abbreviation = head.isupper() or (head[:1].isupper() and self.is_correct(head))
        return abbreviation and self.is_correct(tail)

    def known_verdict(self, word: str) -> bool | None:
        """The verdict on ``word`` if it was looked up before (never waits for the dictionary)."""
        return self._verdicts.get(word)

    def _known(self, word: str) -> bool:
        known = self._own_words | self._names | local_government_words()
        return word in known or word.lower() in known or word.capitalize() in known

    def suggestions(self, word: str) -> list[str]:
        return self._dictionary.suggest(word)[:MAX_SUGGESTIONS]

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
