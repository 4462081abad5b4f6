"""The one rule for a new passphrase: first run, Settings, recovery and ``init`` alike.

zxcvbn estimates how many guesses a passphrase takes, knowing common passwords,
names, words, keyboard rows, repeats, sequences and dates. A new passphrase needs
at least :data:`MIN_LENGTH` characters and zxcvbn score :data:`MIN_SCORE` (about
10^8 guesses). Each guess costs an Argon2id derivation (about half a second on a
laptop), so that is years of work for a thief with a stolen laptop, while a few
unrelated words pass easily. The rule applies when a passphrase is *set*; an
existing vault still opens with whatever passphrase it has.

The reasons are codes (:class:`Weakness`), not zxcvbn's English sentences: the
window says them in the worker's language, the CLI in English.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import zxcvbn

MIN_LENGTH = 8
MIN_SCORE = 3  # zxcvbn: 0 too guessable … 4 very unguessable
MAX_SCORE = 4
# zxcvbn's cost grows fast with length and it refuses more than 72 characters; the
# first 72 are a lower bound for the whole, and far past any minimum.
ESTIMATED_CHARS = 72
# Words a guesser of this app's passphrases tries first.
APP_WORDS = ("join", "joinus", "jongeren", "wachtwoord", "wachtzin", "passphrase", "password")


class Weakness(enum.Enum):
    TOO_SHORT = "too_short"
    COMMON_PASSWORD = "common_password"  # in the lists of leaked passwords
    APP_WORDS = "app_words"  # "joinus2026"
    NAMES = "names"
    COMMON_WORDS = "common_words"  # a word or two from a dictionary
    KEYBOARD = "keyboard"  # qwerty, asdfgh
    REPEAT = "repeat"  # aaaa, abcabc
    SEQUENCE = "sequence"  # abcd, 6543
    DATES = "dates"  # years and dates
    TOO_SIMPLE = "too_simple"  # none of the above, but still few guesses


ENGLISH = {
    Weakness.TOO_SHORT: f"it has fewer than {MIN_LENGTH} characters",
    Weakness.COMMON_PASSWORD: "it is a common password (or very close to one)",
    Weakness.APP_WORDS: "it is built on words that go with this app",
    Weakness.NAMES: "names are easy to guess",
    Weakness.COMMON_WORDS: "a single common word is easy to guess",
    Weakness.KEYBOARD: "rows and patterns on the keyboard are easy to guess",
    Weakness.REPEAT: "repeated characters or words are easy to guess",
    Weakness.SEQUENCE: "sequences like abc or 6543 are easy to guess",
    Weakness.DATES: "years and dates are easy to guess",
    Weakness.TOO_SIMPLE: "it is too short and simple to resist guessing",
}
# No example passphrase: people copy examples.
ENGLISH_HINT = "Use four or more unrelated words that only you would put together."


@dataclass(frozen=True)
class Rating:
    """How strong a passphrase is: zxcvbn's score, and the main reason when too weak."""

    score: int  # 0 … 4; 0 also when shorter than MIN_LENGTH
    weakness: Weakness | None  # None: acceptable

    @property
    def acceptable(self) -> bool:
        return self.weakness is None

    def english(self) -> str:
        """One sentence for the CLI and the logs-free exception message."""
        if self.weakness is None:
            return "The passphrase is strong enough."
        return f"This passphrase is too weak: {ENGLISH[self.weakness]}. {ENGLISH_HINT}"


def rate(passphrase: str) -> Rating:
    if len(passphrase) < MIN_LENGTH:
        return Rating(0, Weakness.TOO_SHORT)  # also spares zxcvbn "", which it fails on
    result = zxcvbn.zxcvbn(passphrase[:ESTIMATED_CHARS], user_inputs=list(APP_WORDS))
    score = int(result["score"])
    if score >= MIN_SCORE:
        return Rating(score, None)
    return Rating(score, _weakness(result["sequence"]))


def _weakness(sequence: list[dict]) -> Weakness:
    """The reason, from the longest part zxcvbn recognised (as its own feedback does)."""
    if not sequence:
        return Weakness.TOO_SIMPLE
    match = max(sequence, key=lambda m: len(m["token"]))
    pattern = match.get("pattern")
    if pattern == "dictionary":
        return {
            "passwords": Weakness.COMMON_PASSWORD,
            "user_inputs": Weakness.APP_WORDS,
            "surnames": Weakness.NAMES,
            "male_names": Weakness.NAMES,
            "female_names": Weakness.NAMES,
        }.get(match.get("dictionary_name", ""), Weakness.COMMON_WORDS)
    return {
        "spatial": Weakness.KEYBOARD,
        "repeat": Weakness.REPEAT,
        "sequence": Weakness.SEQUENCE,
        "date": Weakness.DATES,
        "regex": Weakness.DATES,  # zxcvbn's one regex: recent years
    }.get(pattern, Weakness.TOO_SIMPLE)


def require_strong(passphrase: str) -> None:
    """Raise :class:`WeakPassphrase` (carrying the rating) unless the rule is met."""
    from .errors import WeakPassphrase

    rating = rate(passphrase)
    if not rating.acceptable:
        raise WeakPassphrase(rating.english(), rating=rating)
