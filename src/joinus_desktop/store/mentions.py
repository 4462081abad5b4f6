"""Where a youngster's alias appears in other records' text (before erasing them).

Erasure removes every record *of* a youngster; a colleague may still have typed
their alias in another youngster's observation, an attempt, a challenge or a
meeting's notes. :func:`find_mentions` lists those, so the worker can edit them
before the erasure. It runs inside the open vault (nothing is copied out) and
reads every text field of the vault once: call it off the UI thread.

Matching is whole-word, case-insensitive and blind to diacritics: the alias
"Zoë" finds "zoe", "ZOË" and "Zoë's", not "Zoëlla"; "Sam" does not find "Samira".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain import entities

if TYPE_CHECKING:
    from .store import Store

# The free-text fields a name can be typed into, per entity, in the order shown.
# Aliases of other youngsters are not searched: a name there is that youngster's own.
SEARCHED_FIELDS: dict[str, tuple[str, ...]] = {
    "observation": ("behaviour", "context", "cause_detail"),
    "challenge_attempt": ("what_happened", "how_it_felt"),
    "challenge": ("title", "works_on"),
    "meeting": ("place", "activities", "notes"),
    "youngster": ("exit_note",),
}
SNIPPET_CONTEXT = 40  # characters shown either side of the first match


@dataclass(frozen=True)
class Mention:
    """One field of one record that names the alias."""

    entity: str
    record_id: str
    field: str
    text: str  # the whole field, as stored
    spans: tuple[tuple[int, int], ...]  # where the alias stands in ``text``
    date: str | None  # the record's date (a challenge: the day it was made)
    owner_alias: str | None  # the youngster the record is about; None for a meeting
    deleted: bool  # a deleted record still holds its text until it is purged

    def snippet(self, context: int = SNIPPET_CONTEXT) -> tuple[str, tuple[tuple[int, int], ...]]:
        """A short piece of ``text`` around the first match, and the matches inside it.

        Line breaks become spaces; "…" marks a cut. The spans index the snippet.
        """
        first_start, first_end = self.spans[0]
        start = max(0, first_start - context)
        end = min(len(self.text), first_end + context)
        # Do not cut a word in two at either end.
        while start > 0 and not self.text[start - 1].isspace():
            start -= 1
            if first_start - start > 2 * context:
                break
        while end < len(self.text) and not self.text[end].isspace():
            end += 1
            if end - first_end > 2 * context:
                break
        prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(self.text) else "")
        piece = " ".join(self.text[start:end].split("\n")).replace("\r", " ")
        shift = len(prefix) - start
        spans = tuple((s + shift, e + shift) for s, e in self.spans if s >= start and e <= end)
        return prefix + piece + suffix, spans


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` case-folded without diacritics, and for each folded character the
    index of the character of ``text`` it came from."""
    if text.isascii():  # one character each way: no need to look at them one by one
        return text.lower(), list(range(len(text)))
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char).casefold():
            if unicodedata.combining(part):
                continue
            folded.append(part)
            origin.append(index)
    return "".join(folded), origin


@dataclass(frozen=True)
class AliasMatcher:
    """The alias as a whole-word pattern over folded text, and a quick pre-check."""

    pattern: re.Pattern[str]
    # The alias's folded words when they are plain ASCII: a text whose accents and
    # other non-ASCII characters are dropped must contain each of them, or it cannot
    # match. None (no pre-check) for an alias in another script.
    needles: tuple[str, ...] | None

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the alias stands in ``text`` (indexes of ``text``)."""
        if self.needles is not None:
            # Most texts do not name the youngster: rule them out at C speed first.
            plain = (text.lower() if text.isascii() else unicodedata.normalize(
                "NFKD", text).casefold().encode("ascii", "ignore").decode("ascii"))
            if not all(needle in plain for needle in self.needles):
                return ()
        folded, origin = fold(text)
        spans = []
        for match in self.pattern.finditer(folded):
            if match.end() > match.start():
                end = origin[match.end() - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1  # a decomposed accent belongs to the letter before it
                spans.append((origin[match.start()], end))
        return tuple(spans)


def alias_matcher(alias: str) -> AliasMatcher | None:
    """A matcher for the alias; None for an empty alias."""
    words = fold(alias)[0].split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    # Lookarounds instead of \b: an alias may start or end with a non-word character.
    pattern = re.compile(rf"(?<!\w){body}(?!\w)")
    return AliasMatcher(pattern, tuple(words) if all(w.isascii() for w in words) else None)


def find_mentions(store: Store, youngster_id: str, alias: str | None = None
                  ) -> list[Mention]:
    """Every field of another record whose text names the youngster's alias.

    The youngster's own records (those erasure removes) are left out. Deleted
    records are included: their text stays in the vault until purged. Newest first.
    """
    if alias is None:
        rows = store.db.query("SELECT alias FROM youngster WHERE id = ?", (youngster_id,))
        alias = rows[0]["alias"] if rows else ""
    matcher = alias_matcher(alias or "")
    if matcher is None:
        return []
    tied = store.erasure.tied_records(youngster_id)
    skip = {youngster_id}.union(*tied.values())
    aliases = {r["id"]: r["alias"] for r in store.db.query("SELECT id, alias FROM youngster")}
    mentions: list[Mention] = []
    for entity_name, fields in SEARCHED_FIELDS.items():
        spec = entities.entity(entity_name)
        columns = ", ".join(f"[{f}]" for f in fields)
        extra = {"observation": ", youngster_id, date", "challenge_attempt": ", youngster_id, date",
                 "challenge": ", youngster_id, created_at AS date", "meeting": ", date",
                 "youngster": ", id AS youngster_id, exit_date AS date"}[entity_name]
        for row in store.db.query(f"SELECT id, deleted, {columns}{extra} FROM [{spec.table}]"):
            if row["id"] in skip:
                continue
            for field in fields:
                text = row[field]
                if not isinstance(text, str) or not text:
                    continue
                spans = matcher.spans(text)
                if spans:
                    mentions.append(Mention(
                        entity_name, row["id"], field, text, spans, _day(row.get("date")),
                        aliases.get(row.get("youngster_id") or ""), bool(row["deleted"])))
    mentions.sort(key=lambda m: (m.date or "", m.entity, m.record_id), reverse=True)
    return mentions


def _day(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and value else None


def save_edit(store: Store, mention: Mention, text: str) -> None:
    """Store the worker's new text of the mentioning field (synced like any edit).

    A deleted record is edited as deleted (its text still syncs to other laptops).
    An empty text becomes no value; the record's own rules then decide if it may.
    """
    changes: dict[str, Any] = {mention.field: text.strip() or None}
    if mention.deleted:
        changes["deleted"] = True
    store.records.update(mention.entity, mention.record_id, changes)
