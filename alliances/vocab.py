"""The small, checked vocabulary of the data: event kinds, statuses, organisation kinds."""

from __future__ import annotations

NONE = "none"

STATUSES = ("member", "frozen", "suspended", "associate", "observer", "partner", "candidate")
"""Every status a spell can have, most to least of a member."""

DEFAULT_MEMBER_STATUSES = ("member", "frozen")
"""What ``members`` lists by default: membership in force, frozen participation included."""

STATUS_HELP = {
    "member": "full member, membership in force",
    "frozen": "member that froze its own participation but has not left",
    "suspended": "member whose rights are suspended (by the organisation or at its own request)",
    "associate": "associate member",
    "observer": "observer",
    "partner": "partner or dialogue partner",
    "candidate": "candidate for membership",
}

_ANY = frozenset((NONE, *STATUSES))
_NOT_NONE = frozenset(STATUSES)

COUNTRY_EVENTS: dict[str, tuple[str | None, frozenset[str]]] = {
    # event: (status from its date (None: unchanged), statuses it may follow)
    "joined": ("member", frozenset((NONE, "observer", "associate", "partner", "candidate"))),
    "succeeded": ("member", frozenset((NONE,))),
    "reinstated": ("member", frozenset(("suspended",))),
    "resumed": ("member", frozenset(("frozen",))),
    "suspended": ("suspended", frozenset(("member", "frozen", "associate"))),
    "frozen": ("frozen", frozenset(("member",))),
    "observer": ("observer", frozenset((NONE, "member", "associate", "partner", "candidate"))),
    "associate": ("associate", frozenset((NONE, "member", "observer", "partner", "candidate"))),
    "partner": ("partner", frozenset((NONE, "observer", "associate", "candidate"))),
    "candidate": ("candidate", frozenset((NONE, "observer", "associate", "partner"))),
    "withdrew": (NONE, _NOT_NONE),
    "expelled": (NONE, _NOT_NONE),
    "left": (NONE, _NOT_NONE),
    "milestone": (None, _ANY),
}

ORG_EVENTS = ("founded", "renamed", "dissolved", "milestone")

ORGAN = "organ"
"""The kind of a body of another organisation whose seats are coded as memberships (the UN
Security Council, the Human Rights Council): listed and queried like the others, but left out
of the state-year and dyad-year panels unless named, since those count organisations."""

ORG_KINDS = (
    "military-alliance",
    "security",
    "political",
    "economic",
    "regional",
    "global",
    "forum",
    ORGAN,
)

COW_STATUS = {"member": 1, "frozen": 1, "suspended": 1, "associate": 2, "observer": 3}
"""COW IGO codes (1 full, 2 associate, 3 observer) for the statuses that have one."""
