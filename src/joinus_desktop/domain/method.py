"""Vocabulary of the Join Us method: tags for observations, causes, statuses.

Each term maps to (English, Dutch) labels; the stored value is the key, so a
change of wording never changes data.
"""

from __future__ import annotations

FOUNDATION_TAGS: dict[str, tuple[str, str]] = {
    "fun_and_safety": ("Fun and safety", "Plezier en veiligheid"),
    "peer_contact": ("Peer-to-peer contact", "Contact met leeftijdsgenoten"),
    "personal_leadership": ("Personal leadership", "Persoonlijk leiderschap"),
}
AIM_TAGS: dict[str, tuple[str, str]] = {
    "positive_peer_experiences": (
        "Positive experiences with peers",
        "Positieve ervaringen met leeftijdsgenoten",
    ),
    "knowledge_own_behaviour": ("Knowledge of own behaviour", "Kennis van eigen gedrag"),
    "realistic_self_image": ("Realistic self-image", "Realistisch zelfbeeld"),
    "social_skills": ("Social skills", "Sociale vaardigheden"),
}
METHOD_TAGS: dict[str, tuple[str, str]] = {**FOUNDATION_TAGS, **AIM_TAGS}

SUSPECTED_CAUSES: dict[str, tuple[str, str]] = {
    "missing_skill": ("A missing social skill", "Een ontbrekende sociale vaardigheid"),
    "negative_belief": ("A negative belief about oneself", "Een negatieve overtuiging over zichzelf"),
    "unknown": ("Not clear yet", "Nog niet duidelijk"),
}

YOUNGSTER_STATUSES: dict[str, tuple[str, str]] = {
    "intake": ("Intake", "Intake"),
    "active": ("Taking part", "Doet mee"),
    "exited": ("Left the programme", "Uitgestroomd"),
}

EXIT_REASONS: dict[str, tuple[str, str]] = {
    "goals_met": ("Challenges met, network in place", "Uitdagingen gehaald, netwerk op orde"),
    "moved_away": ("Moved away", "Verhuisd"),
    "stopped_early": ("Stopped early", "Voortijdig gestopt"),
    "referred": ("Referred to other help", "Doorverwezen naar andere hulp"),
    "other": ("Other", "Anders"),
}

CHALLENGE_STATUSES: dict[str, tuple[str, str]] = {
    "proposed": ("Proposed", "Voorgesteld"),
    "active": ("Working on it", "Mee bezig"),
    "achieved": ("Achieved", "Gehaald"),
    "stopped": ("Stopped", "Gestopt"),
}

ATTEMPT_OUTCOMES: dict[str, tuple[str, str]] = {
    "went_well": ("Went well", "Ging goed"),
    "partly": ("Partly", "Gedeeltelijk"),
    "not_yet": ("Not yet", "Nog niet"),
}

AGE_GROUPS: dict[str, tuple[str, str]] = {
    "12-18": ("12 to 18", "12 tot 18"),
    "18-25": ("18 to 25", "18 tot 25"),
}


def term(vocabulary: dict[str, tuple[str, str]], key: str, lang: str = "en") -> str:
    en, nl = vocabulary.get(key, (key, key))
    return nl if lang == "nl" else en
