"""Colleagues' names, as the server told them: the conflict view says "Anna", not a user id.

Kept in the vault (``vault_meta``), so they are as private as the records they
annotate, and refreshed on every sync from ``GET /api/v1/members`` (the members
of this laptop's teams only). A name is text from the server: it is cleaned of
control and bidi characters before it is kept, so it cannot reorder or hide
what is printed around it.
"""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import Store

MEMBERS_KEY = "members"
MAX_MEMBERS = 10_000
MAX_ID_LENGTH = 100
MAX_NAME_LENGTH = 200


def clean_name(text: str) -> str:
    """``text`` without control, format (bidi, zero-width) or other invisible characters."""
    kept = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(kept.split())[:MAX_NAME_LENGTH]


def parse_members(answer: Any) -> dict[str, str]:
    """user id -> name from the server's answer; malformed entries are left out."""
    listed = answer.get("members") if isinstance(answer, dict) else None
    if not isinstance(listed, list):
        return {}
    names: dict[str, str] = {}
    for member in listed[:MAX_MEMBERS]:
        if not isinstance(member, dict):
            continue
        user_id, name = member.get("id"), member.get("name")
        if not (isinstance(user_id, str) and 0 < len(user_id) <= MAX_ID_LENGTH
                and isinstance(name, str)):
            continue
        name = clean_name(name)
        if name:
            names[user_id] = name
    return names


def save_members(store: Store, answer: Any) -> int:
    """Keep the names of the server's answer; returns how many.

    Names known from earlier syncs stay when the answer lacks them: a colleague who
    left the team still wrote the conflicts they wrote.
    """
    names = {**member_names(store), **parse_members(answer)}
    store.set_meta(MEMBERS_KEY, json.dumps(names, ensure_ascii=False, sort_keys=True))
    return len(names)


def member_names(store: Store) -> dict[str, str]:
    """user id -> name of every colleague this laptop has heard of."""
    raw = store.meta(MEMBERS_KEY)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
