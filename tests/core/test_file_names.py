"""A committee name of 235 characters: every export still works, file names stay short."""

import zipfile

import pytest

from taskforce_desktop import cli
from taskforce_desktop.core import services
from taskforce_desktop.core.file_names import (
    MAX_FILE_NAME_BYTES,
    MAX_FILE_NAME_CHARS,
    fit_file_name,
    shorten_middle,
)

LONG_COMMITTEE = "Regionale Taskforce " + "Samen Organiseren " * 12 + "Noord"


@pytest.mark.parametrize("stem", ["Verslag " + LONG_COMMITTEE + " 2031-11-14", "😀" * 300])
def test_a_long_name_is_shortened_in_the_middle_and_keeps_its_suffix(stem):
    name = fit_file_name(stem, ".verslag.json")
    assert len(name) <= MAX_FILE_NAME_CHARS
    assert len(name.encode("utf-8")) <= MAX_FILE_NAME_BYTES
    assert name.endswith(".verslag.json") and "…" in name
    assert name.startswith(stem[:5])


def test_the_date_at_the_end_survives_the_shortening():
    name = fit_file_name(f"Verslag {LONG_COMMITTEE} 2031-11-14 (openbare versie)", ".docx")
    assert name.startswith("Verslag Regionale Taskforce")
    assert name.endswith("2031-11-14 (openbare versie).docx")


def test_a_name_that_fits_is_left_alone():
    assert (
        fit_file_name("Verslag Taskforce 2031-11-14", ".eml") == "Verslag Taskforce 2031-11-14.eml"
    )
    assert shorten_middle("kort", 255) == "kort"


@pytest.fixture
def long_named_meeting(store):
    assert len(LONG_COMMITTEE) > 235
    committee = services.create_committee(store, LONG_COMMITTEE)
    meeting_id = services.create_meeting(store, committee.id, date="2031-11-14", title="Najaar")
    services.add_agenda_item(store, meeting_id, "Opening")
    store.close()
    return meeting_id


@pytest.mark.parametrize("fmt", ["docx", "eml", "html"])
def test_every_export_of_a_committee_with_a_very_long_name_works(
    long_named_meeting, data_dir, tmp_path, fmt
):
    target = tmp_path / f"verslag.{fmt}"
    command = ["--data-dir", str(data_dir), "export", str(long_named_meeting), "--format", fmt]
    assert cli.main([*command, "--output", str(target)]) == 0
    if fmt == "docx":
        with zipfile.ZipFile(target) as package:
            properties = package.read("docProps/core.xml").decode("utf-8")
        assert "Regionale Taskforce" in properties and "14 nov" in properties
