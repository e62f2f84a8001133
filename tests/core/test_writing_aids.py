"""Stock phrases and the Dutch spell check without a window."""

from __future__ import annotations

import pytest

from taskforce_desktop.core import services
from taskforce_desktop.core.phrases import (
    PHRASES_FILENAME,
    STARTER_PHRASES,
    Phrase,
    PhraseBook,
)
from taskforce_desktop.core.spelling import (
    WORD_LIST_FILENAME,
    SpellChecker,
    names_in_meeting,
    words_in,
)


def test_a_committee_without_phrases_gets_the_dutch_starter_set(data_dir):
    texts = [phrase.text for phrase in PhraseBook(data_dir).phrases("Taskforce")]
    assert "Er wordt kennis genomen van {cursor}." in texts
    assert "Het verslag wordt ongewijzigd vastgesteld." in texts
    assert "De Taskforce adviseert het College om {cursor}." in texts


def test_a_damaged_phrase_file_costs_the_phrases_not_the_app(data_dir):
    (data_dir / PHRASES_FILENAME).write_text('{"committees": {"T": [{"code": "A B"}]}}')
    assert PhraseBook(data_dir).phrases("T") == list(STARTER_PHRASES)


@pytest.mark.parametrize("code", ["", "met spatie", "Hoofd", "veel-te-lange-code"])
def test_a_code_she_could_not_type_before_tab_is_refused(data_dir, code):
    with pytest.raises(ValueError, match="Code"):
        PhraseBook(data_dir).set_phrases("T", [Phrase(code, "tekst")])


def test_the_cursor_mark_is_taken_out_and_its_place_kept():
    assert Phrase("kn", "Er wordt kennis genomen van {cursor}.").without_cursor_mark() == (
        "Er wordt kennis genomen van .",
        len("Er wordt kennis genomen van "),
    )


def test_abbreviations_numbers_and_single_letters_are_not_judged():
    text = "De AVG, 12 items, a en auto's in Noord-Holland"
    assert [word for _offset, word in words_in(text)] == [
        "De",
        "items",
        "en",
        "auto's",
        "in",
        "Noord-Holland",
    ]


def test_dutch_misspellings_are_found_and_suggested(data_dir):
    checker = SpellChecker(data_dir)
    assert checker.is_correct("vergadering") and checker.is_correct("wijkteams")
    assert not checker.is_correct("vergaderring")
    assert "vergadering" in checker.suggestions("vergaderring")


def test_an_english_word_in_a_dutch_verslag_is_not_marked(data_dir):
    checker = SpellChecker(data_dir)
    assert checker.is_correct("sustainability") and checker.is_correct("recommendations")
    assert not checker.is_correct("gemeennte")


def test_names_are_learned_in_memory_and_never_written(store, data_dir):
    committee = services.create_committee(store, "Taskforce Samen Organiseren")
    meeting_id = services.create_meeting(store, committee.id, date="2031-09-12", title="Overleg")
    services.add_attendee(store, meeting_id, "Hendrikje Qwirtel", "Stichting Zorgvliedt")
    checker = SpellChecker(data_dir)
    assert not checker.is_correct("Qwirtel")

    checker.learn_names(names_in_meeting(services.load_meeting(store, meeting_id)))
    assert checker.is_correct("Qwirtel") and checker.is_correct("Zorgvliedt")
    assert not (data_dir / WORD_LIST_FILENAME).exists()  # an erased person leaves no word


def test_her_own_words_stay_with_the_data_folder(data_dir):
    SpellChecker(data_dir).add_word("Qwirtelpunt")
    assert SpellChecker(data_dir).is_correct("Qwirtelpunt")
    assert not SpellChecker(data_dir / "elders").is_correct("Qwirtelpunt")


@pytest.mark.parametrize(
    "word", ["Wmo-vervoer", "Wlz-indicatie", "Wmo-consulent", "Wlz", "Omgevingswet", "raadsbrief"]
)
def test_the_words_of_local_government_are_not_marked(data_dir, word):
    assert SpellChecker(data_dir).is_correct(word)


@pytest.mark.parametrize("word", ["Jeugdwet-taken", "zorg-aanbieder", "Wmo-vervoerr", "Wmo-"])
def test_a_hyphen_joins_a_word_only_to_a_short_abbreviation(data_dir, word):
    assert not SpellChecker(data_dir).is_correct(word)
