"""Right of access: every record this laptop holds on one youngster, as JSON and HTML.

The JSON is complete (every field of every record tied to the youngster, with the
meeting dates their attendance refers to, conflicts about those records, and the
audit entries naming them); the HTML is its readable version for a PDF.
"""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any

from ..domain import method, schedule
from ..store import privacy
from .words import long_date, word
from .youngster import STYLE

if TYPE_CHECKING:
    from ..store.store import Store

FORMAT = "joinus-right-of-access"
FORMAT_VERSION = 1


def gather(store: Store, youngster_id: str) -> dict[str, Any]:
    """The youngster's records, by kind (store worker)."""
    store.youngsters.get(youngster_id)  # NotFound for an unknown or deleted youngster
    records = privacy.records_of(store, youngster_id)
    ids = [r["id"] for rows in records.values() for r in rows]
    meeting_ids = sorted({r["meeting_id"] for kind in ("attendance", "observation",
                                                        "challenge_attempt")
                          for r in records[kind] if r.get("meeting_id")})
    dates = privacy.meeting_dates(store, meeting_ids)
    for kind in ("attendance", "observation", "challenge_attempt"):
        for r in records[kind]:
            if r.get("meeting_id"):
                r["meeting_date"] = dates.get(r["meeting_id"])
    (youngster,) = records.pop("youngster")
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "generated_on": store.today().isoformat(),
        "youngster": youngster,
        "attendance": sorted(records.pop("attendance"), key=lambda r: r.get("meeting_date") or ""),
        "observations": records.pop("observation"),
        "challenges": records.pop("challenge"),
        "challenge_attempts": records.pop("challenge_attempt"),
        "questionnaire_responses": records.pop("questionnaire_response"),
        **{kind: rows for kind, rows in records.items()},  # any entity added later
        "conflicts": privacy.conflicts_about(store, ids),
        "audit_log": privacy.audit_about(store, ids),
    }


def access_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")


def access_html(data: dict[str, Any], lang: str) -> str:
    """A readable version of `gather`'s data in ``lang``."""
    y = data["youngster"]
    w = lambda key, **p: escape(word(key, lang, **p))  # noqa: E731
    out = [f"<html><head><style>{STYLE}</style></head><body>",
           f"<h1>{escape(y['alias'])}</h1>",
           f"<p class='muted'>{w('access_title')} · "
           f"{w('made_on', date=long_date(data['generated_on'], lang))}<br>{w('confidential')}"
           f"</p><p>{w('access_intro')}</p>", f"<h2>{w('youngster')}</h2>"]
    yes_no = lambda v: word("yes" if v else "no", lang)  # noqa: E731
    consent = (word("consent_text", lang, date=long_date(y["consent_date"], lang),
                    y=yes_no(y.get("consent_youngster")), g=yes_no(y.get("consent_guardian")))
               if y.get("consent_date") else word("none_recorded", lang))
    facts = [("Alias", y["alias"]), (word("birth_year", lang), str(y.get("birth_year") or "")),
             (word("status", lang), method.term(method.YOUNGSTER_STATUSES, y["status"], lang)),
             (word("period", lang), f"{long_date(y['intake_date'], lang)} – "
                                    f"{long_date(y.get('exit_date'), lang)}"),
             (word("consent", lang), consent)]
    if y.get("exit_reason"):
        facts.append((word("exit_reason", lang),
                      method.term(method.EXIT_REASONS, y["exit_reason"], lang)))
    if y.get("exit_note"):
        facts.append(("", y["exit_note"]))
    out.append("<table class='facts'>" + "".join(
        f"<tr><td class='muted'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in facts)
        + "</table>")

    def section(title: str, rows: list[str]) -> None:
        out.append(f"<h2>{escape(title)}</h2>")
        out.append("".join(rows) if rows else f"<p class='muted'>{w('none')}</p>")

    section(word("attendance_records", lang), [
        f"<p>{escape(long_date(a.get('meeting_date'), lang))}: "
        f"{w('present' if a.get('present') else 'absent')}</p>" for a in data["attendance"]])
    section(word("observations", lang), [
        f"<p><b>{escape(long_date(o['date'], lang))}</b><br>{escape(o.get('behaviour') or '')}"
        + (f"<br>{w('context')}: {escape(o['context'])}" if o.get("context") else "")
        + f"<br>{w('cause')}: {escape(method.term(method.SUSPECTED_CAUSES, o.get('suspected_cause') or 'unknown', lang))}"
        + (f" – {escape(o['cause_detail'])}" if o.get("cause_detail") else "")
        + (" · " + escape(", ".join(method.term(method.METHOD_TAGS, t, lang)
                                      for t in o.get("tags") or [])) if o.get("tags") else "")
        + "</p>" for o in data["observations"]])
    section(word("challenges", lang), [
        f"<p><b>{escape(c['title'])}</b> ({escape(method.term(method.CHALLENGE_STATUSES, c['status'], lang))})"
        + (f"<br>{w('works_on')}: {escape(c['works_on'])}" if c.get("works_on") else "") + "</p>"
        for c in data["challenges"]])
    section(word("challenge_attempts", lang), [
        f"<p><b>{escape(long_date(a['date'], lang))}</b><br>{escape(a.get('what_happened') or '')}"
        + (f"<br>{escape(a['how_it_felt'])}" if a.get("how_it_felt") else "")
        + (f"<br>{escape(method.term(method.ATTEMPT_OUTCOMES, a['outcome'], lang))}"
           if a.get("outcome") else "") + "</p>" for a in data["challenge_attempts"]])
    section(word("questionnaires", lang), [
        f"<p><b>{escape(schedule.moment_label(r['moment'], lang))}</b>, "
        f"{escape(long_date(r['date'], lang))} ({escape(r['instrument_id'])} v{r['instrument_version']})"
        f"<br>{w('scores')}: {escape(', '.join(f'{k} {v:.2f}' for k, v in (r.get('scores') or {}).items()))}"
        f"<br>{w('answers')}: {escape(', '.join(f'{k}={v}' for k, v in sorted((r.get('answers') or {}).items())))}</p>"
        for r in data["questionnaire_responses"]])
    section(word("conflicts", lang), [
        f"<p>{escape(c['entity'])}.{escape(c['field'])}: {escape(str(c.get('value')))}</p>"
        for c in data["conflicts"]])
    section(word("audit", lang), [
        f"<p>{escape(a['at'][:16].replace('T', ' '))} · {escape(a['action'])} · "
        f"{escape(a.get('entity') or '')}</p>" for a in data["audit_log"]])
    out.append("</body></html>")
    return "\n".join(out)
