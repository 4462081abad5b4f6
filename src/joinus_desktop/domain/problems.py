"""Validation problems, worded for a social worker in Dutch and English.

The domain never raises on the first problem: it collects every problem of a
record so the UI can show each one next to the field it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

LANGUAGES = ("nl", "en")


class Severity(str, Enum):
    ERROR = "error"  # the record cannot be saved
    WARNING = "warning"  # worth a second look, but saving is allowed


# code -> (English, Dutch). Parameters are filled with str.format.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{label} is required.", "{label} is verplicht."),
    "too_long": (
        "{label} is too long (at most {max} characters).",
        "{label} is te lang (maximaal {max} tekens).",
    ),
    "not_a_date": (
        "{label} must be a date (YYYY-MM-DD).",
        "{label} moet een datum zijn (JJJJ-MM-DD).",
    ),
    "not_a_number": ("{label} must be a whole number.", "{label} moet een heel getal zijn."),
    "out_of_range": (
        "{label} must be between {min} and {max}.",
        "{label} moet tussen {min} en {max} liggen.",
    ),
    "too_deep": (
        "{label} is nested too deeply (at most {max} levels).",
        "{label} is te diep genest (maximaal {max} niveaus).",
    ),
    "too_many": (
        "{label} holds too many items (at most {max}).",
        "{label} bevat te veel items (maximaal {max}).",
    ),
    "not_json": (
        "{label} holds a value that cannot be stored.",
        "{label} bevat een waarde die niet kan worden opgeslagen.",
    ),
    "not_a_stamp": (
        "{label} must be a clock stamp.",
        "{label} moet een klokstempel zijn.",
    ),
    "not_a_boolean": ("{label} must be yes or no.", "{label} moet ja of nee zijn."),
    "not_text": ("{label} must be text.", "{label} moet tekst zijn."),
    "not_a_list": ("{label} must be a list.", "{label} moet een lijst zijn."),
    "not_a_mapping": ("{label} must be a set of answers.", "{label} moet een set antwoorden zijn."),
    "not_an_id": ("{label} must refer to a record.", "{label} moet naar een record verwijzen."),
    "choice": (
        "{label} must be one of: {choices}.",
        "{label} moet een van deze zijn: {choices}.",
    ),
    "unknown_tag": (
        "'{tag}' is not a Join Us method tag.",
        "'{tag}' is geen label uit de Join Us-methode.",
    ),
    "unknown_field": ("Unknown field '{field}'.", "Onbekend veld '{field}'."),
    "read_only": ("{label} cannot be changed.", "{label} kan niet worden gewijzigd."),
    "in_future": ("{label} lies in the future.", "{label} ligt in de toekomst."),
    "birth_year_range": (
        "Birth year must be between 1900 and this year.",
        "Geboortejaar moet tussen 1900 en dit jaar liggen.",
    ),
    "age_outside_programme": (
        "This youngster is {age} at intake; Join Us is for ages 12 to 25.",
        "Deze jongere is {age} bij intake; Join Us is voor 12 tot 25 jaar.",
    ),
    "exit_needs_date": (
        "An exited youngster needs an exit date.",
        "Een uitgestroomde jongere heeft een uitstroomdatum nodig.",
    ),
    "exit_needs_reason": (
        "Please give the reason for leaving.",
        "Geef de reden van uitstroom op.",
    ),
    "exit_before_intake": (
        "The exit date lies before the intake date.",
        "De uitstroomdatum ligt voor de intakedatum.",
    ),
    "cause_detail_missing": (
        "Which skill or belief do you suspect? A few words help your colleague.",
        "Welke vaardigheid of overtuiging vermoed je? Een paar woorden helpen je collega.",
    ),
    "answer_out_of_scale": (
        "Answer to '{item}' must be between {min} and {max}.",
        "Antwoord op '{item}' moet tussen {min} en {max} liggen.",
    ),
    "unknown_item": ("'{item}' is not a question of this questionnaire.",
                     "'{item}' is geen vraag van deze vragenlijst."),
    "unknown_instrument": (
        "Questionnaire '{instrument}' version {version} is not installed.",
        "Vragenlijst '{instrument}' versie {version} is niet geïnstalleerd.",
    ),
    "unanswered_items": (
        "{count} question(s) not answered.",
        "{count} vraag/vragen niet beantwoord.",
    ),
    "too_many_missing": (
        "Too many unanswered questions to score '{scale}'.",
        "Te veel onbeantwoorde vragen om '{scale}' te scoren.",
    ),
    "no_consent": (
        "No consent has been recorded yet.",
        "Er is nog geen toestemming vastgelegd.",
    ),
    "parental_consent_needed": (
        "Under 16: a parent or guardian must consent too.",
        "Jonger dan 16: een ouder of voogd moet ook toestemming geven.",
    ),
}

# Field labels, so a message says "Birth year" rather than "birth_year".
LABELS: dict[str, tuple[str, str]] = {
    "name": ("Name", "Naam"),
    "municipality": ("Municipality", "Gemeente"),
    "age_group": ("Age group", "Leeftijdsgroep"),
    "alias": ("Name", "Naam"),
    "birth_year": ("Birth year", "Geboortejaar"),
    "intake_date": ("Intake date", "Intakedatum"),
    "status": ("Status", "Status"),
    "exit_date": ("Exit date", "Uitstroomdatum"),
    "exit_reason": ("Reason for leaving", "Reden van uitstroom"),
    "consent_date": ("Consent date", "Datum toestemming"),
    "date": ("Date", "Datum"),
    "place": ("Place", "Plaats"),
    "activities": ("Activities", "Activiteiten"),
    "notes": ("Notes", "Notities"),
    "meeting_id": ("Meeting", "Bijeenkomst"),
    "youngster_id": ("Youngster", "Jongere"),
    "challenge_id": ("Challenge", "Uitdaging"),
    "team_id": ("Group", "Groep"),
    "present": ("Present", "Aanwezig"),
    "behaviour": ("What you observed", "Wat je zag"),
    "context": ("Context", "Context"),
    "suspected_cause": ("Suspected cause", "Vermoedelijke oorzaak"),
    "cause_detail": ("Skill or belief", "Vaardigheid of overtuiging"),
    "tags": ("Method tags", "Methodelabels"),
    "title": ("Challenge", "Uitdaging"),
    "works_on": ("Works on", "Werkt aan"),
    "what_happened": ("What happened", "Wat er gebeurde"),
    "how_it_felt": ("How it felt", "Hoe het voelde"),
    "outcome": ("Outcome", "Resultaat"),
    "instrument_id": ("Questionnaire", "Vragenlijst"),
    "instrument_version": ("Questionnaire version", "Versie vragenlijst"),
    "moment": ("Measurement moment", "Meetmoment"),
    "answers": ("Answers", "Antwoorden"),
    "scores": ("Scores", "Scores"),
    "supersedes": ("Corrects", "Corrigeert"),
}


def label(field_name: str, lang: str = "en") -> str:
    en, nl = LABELS.get(field_name, (field_name.replace("_", " ").capitalize(),) * 2)
    return nl if lang == "nl" else en


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) with one field of a record."""

    field: str
    code: str
    severity: Severity = Severity.ERROR
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str = "en") -> str:
        en, nl = MESSAGES.get(self.code, ("Invalid value ({code}).", "Ongeldige waarde ({code})."))
        template = nl if lang == "nl" else en
        return template.format(label=label(self.field, lang), code=self.code, **self.params)

    def __str__(self) -> str:
        return self.message("en")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]
