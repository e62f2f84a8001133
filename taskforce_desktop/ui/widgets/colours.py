"""Colours that stay readable in a light, a dark and a high-contrast palette (WCAG 2.1 AA).

Text needs a contrast ratio of 4.5:1 against what is behind it. Qt's default selection
(white on #308cc6, 3.69:1) and placeholder text (4.00:1) miss that, and a red chosen for a
white window (#b00020) drops to 1.83:1 on a dark one. So the app's own colours are hues that
are made lighter or darker until they are readable on the palette they are shown on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

TEXT_CONTRAST = 4.5
MARK_CONTRAST = 3.0  # a focus indicator or a state mark
ERROR_HUE = QColor("#b00020")
DONE_HUE = QColor("#1b5e20")

_WHITE = QColor("#ffffff")
_BLACK = QColor("#000000")
_STEPS = 20


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance, 0 for black to 1 for white."""
    red, green, blue = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """Of a text colour on its background; a translucent text (Qt's placeholder is half
    transparent) is measured as it shows, blended into the background."""
    lighter, darker = sorted((luminance(_shown(first, second)), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _shown(colour: QColor, background: QColor) -> QColor:
    """The opaque colour a translucent one shows as on this background."""
    opaque = QColor.fromRgbF(colour.redF(), colour.greenF(), colour.blueF())
    return _mixed(background, opaque, colour.alphaF())


def _mixed(colour: QColor, towards: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        colour.redF() + (towards.redF() - colour.redF()) * share,
        colour.greenF() + (towards.greenF() - colour.greenF()) * share,
        colour.blueF() + (towards.blueF() - colour.blueF()) * share,
    )


def readable(hue: QColor, background: QColor, minimum: float = TEXT_CONTRAST) -> QColor:
    """The hue itself when it is readable on background, else the nearest lighter or darker
    shade that is (towards white on a dark background, towards black on a light one)."""
    towards = _WHITE if luminance(background) < 0.18 else _BLACK
    hue = _shown(hue, background)
    for step in range(_STEPS + 1):
        shade = _mixed(hue, towards, step / _STEPS)
        if contrast_ratio(shade, background) >= minimum:
            return shade
    return towards


def error_colour(palette: QPalette) -> QColor:
    """The red of a problem (not saved, overdue), readable on this palette's window."""
    return readable(ERROR_HUE, palette.color(QPalette.ColorRole.Window))


def done_colour(palette: QPalette) -> QColor:
    """The green of a settled state (vastgesteld), readable on this palette's window."""
    return readable(DONE_HUE, palette.color(QPalette.ColorRole.Window))


def accessible_palette(palette: QPalette) -> QPalette:
    """The palette with its selection and placeholder text made readable, nothing else."""
    fixed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        selected_text = fixed.color(group, QPalette.ColorRole.HighlightedText)
        # The selection is a background: it moves away from its text, which stays.
        fixed.setColor(
            group,
            QPalette.ColorRole.Highlight,
            readable(fixed.color(group, QPalette.ColorRole.Highlight), selected_text),
        )
        fixed.setColor(
            group,
            QPalette.ColorRole.PlaceholderText,
            readable(
                fixed.color(group, QPalette.ColorRole.PlaceholderText),
                fixed.color(group, QPalette.ColorRole.Base),
            ),
        )
    return fixed


def coloured_text_style(colour: QColor, *, bold: bool = False) -> str:
    """A label's style sheet for text in this colour."""
    return f"color: {colour.name()};" + (" font-weight: bold;" if bold else "")


def problem_style(label: QWidget) -> str:
    """Bold text in the problem red, readable on the label's own palette."""
    return coloured_text_style(error_colour(label.palette()), bold=True)


def paper_palette(palette: QPalette) -> QPalette:
    """White paper and black ink, as the printed verslag: its house colours are dark on white,
    and on a dark palette's background they fell to 1.2–1.9:1."""
    paper = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        paper.setColor(group, QPalette.ColorRole.Base, _WHITE)
        paper.setColor(group, QPalette.ColorRole.Text, _BLACK)
    return paper
