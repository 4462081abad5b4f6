"""Text a client chooses, kept to what is safe to store and to print.

Identifiers a device makes up (batch ids, audit actors) are limited to a small
alphabet. Names (a device's name, a team's, a user's) may be any language, but
never hold control characters or the invisible characters that reorder or hide
text on a terminal (bidi overrides and isolates, zero-width and line separators):
a device name with U+202E could make an administrator's table lie. Enrolment and
the admin commands refuse them; wherever a stored name is printed (admin tables,
logs) any that got in before are shown escaped, as ``\\u202e``.
"""

from __future__ import annotations

import re

# Ids a device chooses: what a laptop sends (UUIDs, "<uuid>.1.2" for a split batch,
# "device:<uuid>"), with room for other clients.
ID_CHARS = "A-Za-z0-9._:-"
BATCH_ID_PATTERN = rf"^[{ID_CHARS}]{{1,64}}$"
ACTOR_PATTERN = rf"^[{ID_CHARS}]{{1,80}}$"
_BATCH_ID = re.compile(BATCH_ID_PATTERN)
_ACTOR = re.compile(ACTOR_PATTERN)

# C0 and C1 controls and DEL; the Arabic letter mark, zero-width space, LRM and RLM;
# line and paragraph separators, the bidi embeddings and overrides (U+202A-E); word
# joiner to the bidi isolates (U+2060-9); the byte order mark. (ZWNJ and ZWJ stay:
# scripts and emoji need them, and they reorder nothing.)
_C0 = r"\x00-\x1f"
_BEYOND_C0 = r"\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff"
UNSAFE_CLASS = _C0 + _BEYOND_C0
NAME_PATTERN = rf"^[^{UNSAFE_CLASS}]+$"  # the OpenAPI pattern of a name (device_name)
_UNSAFE = re.compile(f"[{UNSAFE_CLASS}]")


def is_batch_id(text: str) -> bool:
    return _BATCH_ID.fullmatch(text) is not None


def is_actor(text: str) -> bool:
    return _ACTOR.fullmatch(text) is not None


def has_unsafe_chars(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character escaped (``\\x1b``, ``\\u202e``), for printing."""
    if not keep_newlines:
        return _UNSAFE.sub(_escape, text)
    return "\n".join(_UNSAFE.sub(_escape, line) for line in text.split("\n"))


# In JSON text, C0 controls occur only as layout (json.dumps escapes them in strings).
_UNSAFE_IN_JSON = re.compile(f"[{_BEYOND_C0}]")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_shown(text: str) -> str:
    """JSON text (from json.dumps) with the other unsafe characters as ``\\uXXXX``
    escapes: the same JSON value, safe on a terminal. (Outside strings JSON text is
    ASCII, so only strings change.)"""
    return _UNSAFE_IN_JSON.sub(_json_escape, text)
