"""Before erasing a youngster, the laptop finds their alias in other records' text (issue 12)."""

from __future__ import annotations

from joinus_desktop.store.mentions import alias_matcher, find_mentions


def test_whole_word_case_and_diacritics_blind() -> None:
    zoe = alias_matcher("Zoë")
    assert zoe is not None
    text = "zoe kwam; ZOË ook. Zoë's jas. Zoëlla niet, noch Zoeken."
    spans = zoe.spans(text)
    assert [text[s:e] for s, e in spans] == ["zoe", "ZOË", "Zoë"]
    sam = alias_matcher("Sam")
    assert sam is not None and sam.spans("Samira en sam") == ((10, 13),)
    two = alias_matcher("Sam  de Vries")
    assert two is not None and two.spans("met sam\nDE vries") == ((4, 16),)
    # Decomposed input (e + combining diaeresis) maps back to the right characters.
    decomposed = "Zoe\u0308 lachte"
    assert zoe.spans(decomposed) == ((0, 4),)
    assert alias_matcher("  ") is None
    # An alias in another script has no ASCII pre-check, and still matches.
    layla = alias_matcher("ليلى")
    assert layla is not None and layla.needles is None
    assert layla.spans("كانت ليلى هنا") == ((5, 9),)


def test_mentions_in_other_records_not_in_the_youngsters_own(store, team) -> None:  # noqa: ANN001
    t = team["id"]
    zoe = store.youngsters.add(team_id=t, alias="Zoë", intake_date="2026-01-01").id
    ali = store.youngsters.add(team_id=t, alias="Ali", intake_date="2026-01-01").id
    meeting = store.meetings.add(team_id=t, date="2026-02-03", place="Buurthuis",
                                 notes="Ali en zoe speelden samen. Zoeken naar de bal.").id
    store.observations.add(team_id=t, youngster_id=zoe, date="2026-02-03",
                           behaviour="Zoë zat alleen")  # her own: erased anyway
    other = store.observations.add(team_id=t, youngster_id=ali, date="2026-02-04",
                                   behaviour="Ging naast ZOE zitten",
                                   context="na de ruzie met Zoë's broer").id
    challenge = store.challenges.add(team_id=t, youngster_id=ali, title="Samen met Zoe koken").id
    attempt = store.challenges.add_attempt(challenge_id=challenge, date="2026-02-05",
                                           what_happened="Lukte, zoë hielp").id
    gone = store.observations.add(team_id=t, youngster_id=ali, date="2026-01-20",
                                  behaviour="Ruzie met Zoë").id
    store.observations.delete(gone)
    store.observations.add(team_id=t, youngster_id=ali, date="2026-02-06",
                           behaviour="Zoëlla en Zoeken tellen niet")

    found = find_mentions(store, zoe)
    where = {(m.entity, m.record_id, m.field) for m in found}
    assert where == {("meeting", meeting, "notes"), ("observation", other, "behaviour"),
                     ("observation", other, "context"), ("challenge", challenge, "title"),
                     ("challenge_attempt", attempt, "what_happened"),
                     ("observation", gone, "behaviour")}
    by_field = {(m.record_id, m.field): m for m in found}
    notes = by_field[(meeting, "notes")]
    assert notes.owner_alias is None and notes.date == "2026-02-03"
    snippet, spans = notes.snippet()
    assert [snippet[s:e] for s, e in spans] == ["zoe"]
    assert by_field[(other, "behaviour")].owner_alias == "Ali"
    assert by_field[(gone, "behaviour")].deleted is True
    assert [m.date for m in found] == sorted((m.date for m in found), reverse=True)
    # Ali is named only in the meeting: Ali's own records are not searched.
    assert {(m.entity, m.field) for m in find_mentions(store, ali)} == {("meeting", "notes")}


def test_a_long_text_gives_a_short_snippet_around_the_name(store, team) -> None:  # noqa: ANN001
    t = team["id"]
    zoe = store.youngsters.add(team_id=t, alias="Zoë", intake_date="2026-01-01").id
    text = "begin " * 40 + "toen kwam Zoë binnen\nen " + "einde " * 40
    store.meetings.add(team_id=t, date="2026-02-03", notes=text)
    [mention] = find_mentions(store, zoe)
    snippet, spans = mention.snippet()
    assert snippet.startswith("…") and snippet.endswith("…") and "\n" not in snippet
    assert len(snippet) < 120 and [snippet[s:e] for s, e in spans] == ["Zoë"]
