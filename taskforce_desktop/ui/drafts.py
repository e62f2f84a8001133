"""What she typed for a new action or decision and did not add yet, kept in the window's
settings so a quit, a logoff or a crash does not lose it.

The settings are private to her and kept beside the store whose ids they name (see
``main_window.default_settings``). Live mode keeps its capture panel's drafts here per
meeting, the Impressies tab its "Nieuw actiepunt" fields per agenda point.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    """The fields of a new action or decision as she left them, and the field she was in."""

    text: str
    owner: str
    due: str
    field: str = "text"

    def is_empty(self) -> bool:
        return not (self.text.strip() or self.owner.strip() or self.due.strip())


NO_DRAFT = Draft("", "", "")
DraftKey = tuple[int, str]  # whose draft (a meeting, an agenda point) and of what kind


def read_drafts(settings: QSettings, key: str) -> dict[DraftKey, Draft]:
    """The drafts kept under ``key``; a damaged entry is left out, not fatal."""
    try:
        kept = json.loads(str(settings.value(key, "") or "{}"))
        return {
            (int(owner), kind): Draft(**fields)
            for owner, by_kind in kept.items()
            for kind, fields in by_kind.items()
        }
    except (ValueError, TypeError, AttributeError) as error:
        log.warning("kept drafts under %s unreadable, left out: %s", key, error)
        return {}


def write_drafts(settings: QSettings, key: str, drafts: dict[DraftKey, Draft]) -> None:
    kept: dict[str, dict[str, dict[str, str]]] = {}
    for (owner, kind), draft in drafts.items():
        if not draft.is_empty():
            kept.setdefault(str(owner), {})[kind] = asdict(draft)
    if kept:
        settings.setValue(key, json.dumps(kept, ensure_ascii=False))
    else:
        settings.remove(key)
