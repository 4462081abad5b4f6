"""The words of printed reports, in English and Dutch.

A report is written in the language chosen in its dialog, which may differ from
the UI's, so its text cannot come from the UI's translator: like the domain's
vocabularies (`domain.method`), each term is an (English, Dutch) pair.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "report_title": ("Join Us: report for the conversation", "Join Us: verslag voor het gesprek"),
    "access_title": ("Join Us: all data held on one youngster",
                     "Join Us: alle gegevens over één jongere"),
    "confidential": ("Confidential: personal data about a youngster. Delete when done.",
                     "Vertrouwelijk: persoonsgegevens van een jongere. Verwijder na gebruik."),
    "group": ("Group", "Groep"),
    "age": ("Age", "Leeftijd"),
    "years": ("years", "jaar"),
    "birth_year": ("Birth year", "Geboortejaar"),
    "status": ("Status", "Status"),
    "period": ("Period in the programme", "Periode in het programma"),
    "until_now": ("now", "nu"),
    "exit_reason": ("Reason for leaving", "Reden van uitstroom"),
    "attendance": ("Attendance", "Aanwezigheid"),
    "attendance_text": ("{n} of {held} meetings attended ({rate}%)",
                        "{n} van {held} bijeenkomsten aanwezig ({rate}%)"),
    "no_meetings": ("No meetings held in this period.", "Geen bijeenkomsten in deze periode."),
    "challenges": ("Challenges", "Uitdagingen"),
    "no_challenges": ("No challenges recorded.", "Geen uitdagingen vastgelegd."),
    "challenge": ("Challenge", "Uitdaging"),
    "works_on": ("Works on", "Werkt aan"),
    "attempts": ("Attempts", "Pogingen"),
    "last_outcome": ("Last attempt", "Laatste poging"),
    "trajectory": ("Trajectory", "Verloop"),
    "no_scores": ("No questionnaire filled in yet.", "Nog geen vragenlijst ingevuld."),
    "moment": ("Moment", "Moment"),
    "date": ("Date", "Datum"),
    "observations": ("Observations", "Observaties"),
    "no_observations": ("No observations recorded.", "Geen observaties vastgelegd."),
    "behaviour": ("What was observed", "Wat is waargenomen"),
    "context": ("Context", "Context"),
    "cause": ("Suspected cause", "Vermoedelijke oorzaak"),
    "made_on": ("Made on {date}", "Gemaakt op {date}"),
    "consent": ("Consent", "Toestemming"),
    "consent_text": ("recorded on {date}; youngster: {y}; parent or guardian: {g}",
                     "vastgelegd op {date}; jongere: {y}; ouder of voogd: {g}"),
    "yes": ("yes", "ja"),
    "no": ("no", "nee"),
    "none_recorded": ("none recorded", "niet vastgelegd"),
    "records": ("Records", "Gegevens"),
    "youngster": ("Youngster", "Jongere"),
    "attendance_records": ("Attendance (meetings)", "Aanwezigheid (bijeenkomsten)"),
    "present": ("present", "aanwezig"),
    "absent": ("absent", "afwezig"),
    "challenge_attempts": ("Challenge attempts", "Pogingen bij uitdagingen"),
    "questionnaires": ("Questionnaires", "Vragenlijsten"),
    "answers": ("Answers", "Antwoorden"),
    "scores": ("Scores", "Scores"),
    "conflicts": ("Edits awaiting a decision", "Bewerkingen die op een besluit wachten"),
    "audit": ("Who opened, changed or exported these records",
              "Wie deze gegevens opende, wijzigde of exporteerde"),
    "access_intro": ("Everything this laptop holds on the youngster, by kind of record. "
                     "The machine-readable version is the JSON file of the same export.",
                     "Alles wat deze laptop over de jongere bewaart, per soort gegeven. "
                     "De machineleesbare versie is het JSON-bestand van dezelfde export."),
    "none": ("None.", "Geen."),
}


def word(key: str, lang: str, **params: object) -> str:
    en, nl = WORDS[key]
    text = nl if lang == "nl" else en
    return text.format(**params) if params else text


MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}


def long_date(iso: str | None, lang: str) -> str:
    """"12 November 2026" / "12 november 2026" (independent of the UI's locale)."""
    if not iso:
        return ""
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return f"{day} {MONTHS['nl' if lang == 'nl' else 'en'][month - 1]} {year}"
