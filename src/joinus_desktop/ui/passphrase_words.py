"""The words for the passphrase rule and the unlock back-off, in the worker's language.

The rule itself is in :mod:`joinus_desktop.store.passphrase_policy`; zxcvbn's own
feedback is English only, so each reason code gets its own sentence here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..store.passphrase_policy import MIN_LENGTH, Rating, Weakness

# Strength colours, from too weak to strong (the Hint label's text colour).
COLOURS = {"weak": "#c62828", "good": "#2e7d32", "strong": "#1b5e20"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PassphraseWords", text)


def strength_word(rating: Rating) -> str:
    """One word: Too short / Too weak / Good / Strong."""
    if rating.weakness is Weakness.TOO_SHORT:
        return _tr("Too short")
    if rating.weakness is not None:
        return _tr("Too weak")
    return _tr("Strong") if rating.score >= 4 else _tr("Good")


def strength_colour(rating: Rating) -> str:
    if rating.weakness is not None:
        return COLOURS["weak"]
    return COLOURS["strong"] if rating.score >= 4 else COLOURS["good"]


def reason(rating: Rating) -> str:
    """Why a passphrase is refused, in a sentence; empty when it is acceptable."""
    weakness = rating.weakness
    if weakness is None:
        return ""
    if weakness is Weakness.TOO_SHORT:
        return _tr("A passphrase needs at least %1 characters.").replace("%1", str(MIN_LENGTH))
    return {
        Weakness.COMMON_PASSWORD: _tr("This is a common password, or very close to one."),
        Weakness.APP_WORDS: _tr("It is built on words that go with this app, which a "
                                "guesser tries first."),
        Weakness.NAMES: _tr("Names are easy to guess."),
        Weakness.COMMON_WORDS: _tr("One or two common words are easy to guess."),
        Weakness.KEYBOARD: _tr("Rows and patterns on the keyboard are easy to guess."),
        Weakness.REPEAT: _tr("Repeated characters or words are easy to guess."),
        Weakness.SEQUENCE: _tr("Sequences like abc or 6543 are easy to guess."),
        Weakness.DATES: _tr("Years and dates are easy to guess."),
        Weakness.TOO_SIMPLE: _tr("It is too short and simple to resist guessing."),
    }[weakness]


def hint() -> str:
    return _tr("Add a word or two: four or more unrelated words are strong and easy "
               "to remember.")


def problem(rating: Rating) -> str:
    """Reason and hint together: what the worker sees when the passphrase is refused."""
    if rating.acceptable:
        return ""
    return _tr("Too weak: %1 %2").replace("%1", reason(rating)).replace("%2", hint())


def feedback(rating: Rating) -> str:
    """A sentence under a new-passphrase field while typing."""
    if not rating.acceptable:
        return problem(rating)
    return _tr("Strong.") if rating.score >= 4 else _tr("Good.")


def wait_message(seconds: int) -> str:
    """The back-off countdown under the passphrase field."""
    return _tr("Too many wrong tries. You can try again in %1 s.").replace(
        "%1", str(max(1, seconds)))
