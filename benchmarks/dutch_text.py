"""Dutch-like sample text for the benchmark archive, composed from word lists written here.

Everything is drawn from a ``random.Random`` the caller seeds, so the same seed gives the
same archive. The sentences are grammatical enough to look like minutes and varied enough
that the search index and the Word export see realistic text (not one repeated line).
"""

from __future__ import annotations

import random

# A word that occurs in nearly every note, and one that the generator places in a few
# notes only: the two searches of the benchmark.
COMMON_WORD = "gemeente"
RARE_WORD = "windmolencoöperatie"

TOWNS = (
    "Beekveld",
    "Hoogmeer",
    "Oosterlo",
    "Kreekdam",
    "Lindewoude",
    "Varsselt",
    "Nieuwkerk",
    "Zandhoven",
    "Elsbroek",
    "Westerhaar",
    "Molenrade",
    "Dijkhuizen",
    "Brugwijk",
    "Heidestein",
    "Vennekamp",
    "Rietvoorde",
)
FIRST_NAMES = (
    "Anneke",
    "Bram",
    "Carla",
    "Daan",
    "Els",
    "Frank",
    "Greet",
    "Hans",
    "Ilse",
    "Joost",
    "Karin",
    "Lucas",
    "Marieke",
    "Niels",
    "Oda",
    "Pieter",
    "Quirine",
    "Ruud",
    "Saskia",
    "Thijs",
    "Ursula",
    "Vincent",
    "Wendy",
    "Yvonne",
    "Zeger",
)
LAST_NAMES = (
    "Bakker",
    "de Boer",
    "Brouwer",
    "Dekker",
    "van Dijk",
    "Hendriks",
    "de Jong",
    "Kok",
    "van der Linden",
    "Meijer",
    "Mulder",
    "Peters",
    "Post",
    "Smit",
    "van der Veen",
    "Visser",
    "de Wit",
    "Willems",
)
FUNCTIONS = (
    "gemeentesecretaris",
    "directeur dienstverlening",
    "adviseur bedrijfsvoering",
    "beleidsmedewerker",
    "programmamanager",
    "concernregisseur",
    "teamleider burgerzaken",
)

_SUBJECTS = (
    "De voorzitter",
    "Het college",
    "De werkgroep",
    "De secretaris",
    "De provincie",
    "Het programmateam",
    "De regio",
    "Een van de leden",
    "De ambtelijk adviseur",
    "De vertegenwoordiger van de VNG",
    "Het kernteam",
    "De portefeuillehouder",
)
_TOPICS = (
    "de samenwerking tussen gemeenten",
    "de dienstverlening aan inwoners",
    "de uitvoering van de Omgevingswet",
    "het digitale loket",
    "de begroting voor volgend jaar",
    "de inzet van data bij beleid",
    "de werkdruk in de uitvoering",
    "de informatievoorziening aan de raad",
    "het klantcontactcentrum",
    "de regionale arbeidsmarkt",
    "de aanpak van schulden",
    "de huisvesting van statushouders",
    "het archief en de digitale duurzaamheid",
    "de informatiebeveiliging",
    "de positie van kleine gemeenten",
    "het opleidingsplan",
    "de jaarplanning",
    "de gezamenlijke inkoop",
    "de bereikbaarheid van het gemeentehuis",
    "de evaluatie van het convenant",
)
_PREDICATES = (
    "onder druk staat",
    "beter kan worden afgestemd",
    "een vast onderdeel van de agenda wordt",
    "volgend jaar wordt geëvalueerd",
    "meer aandacht verdient",
    "goed op gang is gekomen",
    "afhangt van de keuzes van het Rijk",
    "voor elke gemeente anders uitpakt",
    "in de regio al goed loopt",
    "om extra capaciteit vraagt",
)
_THAT_VERBS = (
    "merkt op dat",
    "wijst erop dat",
    "geeft aan dat",
    "constateert dat",
    "licht toe dat",
    "herinnert eraan dat",
    "verwacht dat",
)
_ABOUT_VERBS = (
    "vraagt aandacht voor",
    "benadrukt het belang van",
    "pleit voor een verkenning van",
    "is positief over",
    "heeft zorgen over",
    "doet een voorstel over",
    "schetst de stand van",
)
_ADJUNCTS = (
    "in de komende maanden",
    "voor de volgende vergadering",
    "zonder extra middelen",
    "samen met de ketenpartners",
    "na de zomer",
    "in overleg met de provincie",
    "binnen de bestaande afspraken",
    "met het oog op de verkiezingen",
)
_DEEDS = (
    "een voorstel uitwerkt",
    "contact opneemt met de provincie",
    "een notitie schrijft",
    "de gemeenten in de regio uitnodigt",
    "de cijfers opnieuw bekijkt",
    "een bijeenkomst organiseert",
    "het onderwerp agendeert bij de VNG",
)
_PROGRESS = ("goed", "nog stroef", "volgens plan", "achter op schema", "beter dan verwacht")
_TASKS = (
    "Voorstel uitwerken",
    "Contact opnemen met de provincie",
    "Notitie schrijven",
    "Bijeenkomst organiseren",
    "Cijfers opnieuw bekijken",
    "Agenderen bij de VNG",
)
_BULLET_LEADS = ("Planning", "Kosten", "Risico", "Vervolg", "Betrokken partijen", "Let op")

_AGENDA_TITLES = (
    "Dienstverlening en digitalisering",
    "Regionale samenwerking",
    "Begroting en financiën",
    "Omgevingswet: stand van zaken",
    "Informatiebeveiliging",
    "Arbeidsmarkt en personeel",
    "Huisvesting en accommodaties",
    "Schuldhulpverlening",
    "Archief en informatiebeheer",
    "Inkoop en aanbesteding",
    "Jaarplan van de taskforce",
    "Evaluatie van het convenant",
    "Klantcontact en telefonie",
    "Data en privacy",
    "Duurzaamheid in de bedrijfsvoering",
    "Opleiden en ontwikkelen",
)


def sentence(rng: random.Random) -> str:
    form = rng.randrange(4)
    topic = rng.choice(_TOPICS)
    if form == 0:
        return (
            f"{rng.choice(_SUBJECTS)} {rng.choice(_THAT_VERBS)} {topic} {rng.choice(_PREDICATES)}."
        )
    if form == 1:
        return (
            f"{rng.choice(_SUBJECTS)} {rng.choice(_ABOUT_VERBS)} {topic} {rng.choice(_ADJUNCTS)}."
        )
    if form == 2:
        who = rng.choice(_SUBJECTS).lower()
        return f"Over {topic} wordt afgesproken dat {who} {rng.choice(_DEEDS)}."
    town = rng.choice(TOWNS)
    return f"In de {COMMON_WORD} {town} loopt {topic} {rng.choice(_PROGRESS)}."


def _bold_somewhere(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    if len(words) < 6:
        return text
    start = rng.randrange(1, len(words) - 3)
    words[start] = "**" + words[start]
    words[start + 1] = words[start + 1] + "**"
    return " ".join(words)


def paragraph(rng: random.Random, sentences: tuple[int, int] = (3, 6)) -> str:
    text = " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))
    return _bold_somewhere(rng, text) if rng.random() < 0.4 else text


def bullet_list(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(3, 5)):
        item = sentence(rng)
        if rng.random() < 0.5:
            item = f"**{rng.choice(_BULLET_LEADS)}:** {item[0].lower()}{item[1:]}"
        lines.append(f"- {item}")
    return "\n".join(lines)


def notes(rng: random.Random, minimum: int = 2000, maximum: int = 5000) -> str:
    """Markdown of a note between ``minimum`` and ``maximum`` characters: paragraphs and lists."""
    target = rng.randint(minimum, maximum - 400)
    blocks: list[str] = []
    length = 0
    while length < target:
        block = bullet_list(rng) if blocks and rng.random() < 0.3 else paragraph(rng)
        blocks.append(block)
        length += len(block) + 2
    return "\n\n".join(blocks)


def agenda_title(rng: random.Random) -> str:
    return rng.choice(_AGENDA_TITLES)


def decision_text(rng: random.Random) -> str:
    topic = rng.choice(_TOPICS)
    return rng.choice(
        (
            f"Het overleg stemt in met het voorstel over {topic}.",
            f"Het overleg besluit {topic} {rng.choice(_ADJUNCTS)} opnieuw te bespreken.",
            f"Het overleg neemt kennis van de notitie over {topic} en vraagt om een vervolg.",
        )
    )


def action_text(rng: random.Random) -> str:
    return f"{rng.choice(_TASKS)} over {rng.choice(_TOPICS)}"


def short_text(rng: random.Random) -> str:
    """A one-paragraph text: an introduction or a conclusion."""
    return paragraph(rng, (1, 3))
