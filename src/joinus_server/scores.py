"""The server scores every questionnaire response itself (docs/protocol.md, "Validation").

A response's ``scores`` feed the programme reports, so they must be what the
answers and the instrument's scoring rules give, not what a device says. The
server reads the same instrument packs as the laptop (``resources/instruments``,
or ``$JOINUS_RESOURCES_DIR/instruments``): an organisation that gives its
laptops a licensed pack installs it on the server too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import Any

from joinus_desktop.domain import instruments as instr
from joinus_desktop.domain.problems import errors

from .merge import Rejection

log = logging.getLogger(__name__)

# Scores are means rounded to two decimals, computed the same way on both sides, so
# they agree exactly; this allows for a float's last digit only, far below 0.01.
SCORE_TOLERANCE = 1e-6

_lock = threading.Lock()
_registry: instr.InstrumentRegistry | None = None


def registry() -> instr.InstrumentRegistry:
    """The installed instruments, read once; a pack that cannot be read is left out."""
    global _registry
    with _lock:
        if _registry is None:
            found = instr.InstrumentRegistry()
            try:
                paths = sorted(instr.builtin_dir().glob("*.json"))
            except FileNotFoundError as exc:
                log.error("no instrument packs: every questionnaire response is refused (%s)",
                          exc)
                paths = []
            for path in paths:
                try:
                    found.add(instr.load_instrument(path))
                except instr.InstrumentError as exc:
                    log.error("instrument pack left out: %s", exc)
            _registry = found
        return _registry


def same_scores(computed: Mapping[str, float | None], sent: object) -> bool:
    """Whether ``sent`` holds exactly the computed scales, each within SCORE_TOLERANCE."""
    if not isinstance(sent, dict) or sent.keys() != computed.keys():
        return False
    for scale, expected in computed.items():
        value = sent[scale]
        if expected is None or value is None:
            if value is not expected:
                return False
        elif isinstance(value, bool) or not isinstance(value, (int, float)) \
                or abs(value - expected) > SCORE_TOLERANCE:
            return False
    return True


def check_response(values: Mapping[str, Any]) -> Rejection | None:
    """Refuse a new response whose instrument is unknown, whose answers are not on the
    instrument, or whose scores are not what the answers give.

    ``values`` is the response as sent (already valid per its entity). A tombstone
    that holds no answers may hold no scores either.
    """
    if "answers" not in values:
        if values.get("scores") is None:
            return None
        return Rejection("scores_mismatch", "Scores without answers cannot be checked.")
    instrument_id, version = values.get("instrument_id"), values.get("instrument_version")
    try:
        instrument = registry().get(str(instrument_id), version)  # type: ignore[arg-type]
    except KeyError:
        return Rejection("unknown_instrument",
                         f"Questionnaire {str(instrument_id)[:80]!r} version {version} is not "
                         "installed on the server, so its scores cannot be checked.")
    answers = values["answers"]
    wrong = errors(instr.validate_answers(instrument, answers))
    if wrong:
        return Rejection("invalid_record", " ".join(p.message("en") for p in wrong[:5]))
    computed = instr.score(instrument, answers)
    if not same_scores(computed, values.get("scores")):
        return Rejection("scores_mismatch",
                         "The scores are not what the answers give on this questionnaire "
                         "(the server computes them).")
    return None
