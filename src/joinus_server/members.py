"""Who works in the caller's teams: names for the laptop to show instead of user ids.

A conflict record names its author by user id; the laptop shows "Anna" rather than
an id. Only the members of the caller's own teams, and only id and name: a
colleague's e-mail address or role is not the laptop's business.
"""

from __future__ import annotations

from typing import Any

from .auth import Principal
from .storage import Storage


def members_for(storage: Storage, principal: Principal) -> dict[str, Any]:
    """``{"members": [{"id", "name", "team_ids"}]}`` for the caller's teams only.

    Scoped to the teams the caller is a member of, whatever the role: a coordinator
    sees programme-wide report figures, not the names of other teams' workers.
    """
    with storage.read() as tx:
        rows = tx.members_of(list(principal.team_ids))
    members: dict[str, dict[str, Any]] = {}
    for user_id, name, team_id in rows:
        member = members.setdefault(user_id, {"id": user_id, "name": name, "team_ids": []})
        member["team_ids"].append(team_id)
    return {"members": list(members.values())}
