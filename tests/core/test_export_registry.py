"""Export formats are registered with core.export; core writes its own, the ui adds PDF."""

import json
import subprocess
import sys

import pytest
from verslag_samples import sample_meeting

from taskforce_desktop.core import export
from taskforce_desktop.core.services import DomainError


def test_an_unregistered_format_is_a_clear_domain_error():
    with pytest.raises(DomainError, match="Exporteren als 'odt' is hier niet mogelijk"):
        export.render_export(sample_meeting(), "odt")


def test_a_registered_format_renders_the_verslag_built_once(monkeypatch):
    monkeypatch.setattr(export, "_RENDERERS", dict(export._RENDERERS))
    monkeypatch.setattr(export, "EXPORT_SUFFIXES", dict(export.EXPORT_SUFFIXES))
    seen = []

    def render_titles(meeting, verslag, options):
        seen.append((meeting.title, options.public))
        return verslag.title.encode("utf-8"), ["let op"]

    export.register_format("titel", ".txt", render_titles)
    meeting = sample_meeting()
    data, warnings = export.render_export(meeting, "titel", export.ExportOptions(public=True))
    assert (data.decode("utf-8"), warnings) == (export.build_verslag(meeting).title, ["let op"])
    assert seen == [(meeting.title, True)] and export.EXPORT_SUFFIXES["titel"] == ".txt"


def test_core_alone_knows_its_own_formats_and_the_ui_adds_pdf():
    script = """
import json, sys
from taskforce_desktop.core import export
before = sorted(export.EXPORT_SUFFIXES)
import taskforce_desktop.ui.pdf_writer
print(json.dumps([before, sorted(export.EXPORT_SUFFIXES)]))
"""
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    before, after = json.loads(output.strip().splitlines()[-1])
    assert before == ["docx", "eml", "html"]
    assert after == ["docx", "eml", "html", "pdf"]
