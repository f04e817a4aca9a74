"""Who may see and do what: roles, classification ceilings, permissions and password hashing.

Classification levels: TERBUKA < TERBATAS < RAHASIA. Every read in lib filters by the
caller's ceiling (:func:`allowed_levels`); every write checks :func:`can`. This module holds
the rules only: accounts and share links are stored by ``lib/store``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.vocab import CLASSIFICATIONS

PUBLIC_CEILING = "TERBUKA"

ROLES: tuple[str, ...] = ("admin", "analyst", "posko", "partner", "public")
"""``posko`` is the Posko operator; ``partner`` opens a share link; ``public`` is not signed in."""
ACCOUNT_ROLES: tuple[str, ...] = ("admin", "analyst", "posko", "partner")
"""Roles a local account may have (``public`` is nobody signed in)."""

DEFAULT_CEILINGS: dict[str, str] = {
    "admin": "RAHASIA",
    "analyst": "RAHASIA",
    "posko": "TERBATAS",
    "partner": "TERBATAS",
    "public": PUBLIC_CEILING,
}
"""Ceiling a new account of each role gets unless the admin chooses another."""
MAX_CEILINGS: dict[str, str] = {
    "admin": "RAHASIA",
    "analyst": "RAHASIA",
    "posko": "RAHASIA",
    "partner": "RAHASIA",
    "public": PUBLIC_CEILING,
}

PERMISSIONS: dict[str, frozenset[str]] = {
    "view": frozenset(ROLES),
    "export": frozenset(ROLES),
    "report.read": frozenset({"admin", "analyst", "posko"}),
    "report.create": frozenset({"admin", "analyst", "posko"}),
    "report.edit": frozenset({"admin", "analyst", "posko"}),
    "report.assign": frozenset({"admin", "analyst", "posko"}),
    "report.progress": frozenset({"admin", "analyst", "posko"}),
    "report.verify": frozenset({"admin", "analyst"}),
    "alert.see": frozenset({"admin", "analyst", "posko"}),
    "alert.ack": frozenset({"admin", "analyst"}),
    "data.import": frozenset({"admin", "analyst"}),
    "election.setup": frozenset({"admin", "analyst"}),
    "share.create": frozenset({"admin", "analyst"}),
    "share.list": frozenset({"admin", "analyst"}),
    "share.revoke": frozenset({"admin", "analyst"}),
    "agenda.read": frozenset({"admin", "analyst"}),
    "agenda.edit": frozenset({"admin", "analyst"}),
    "user.manage": frozenset({"admin"}),
}
"""Action -> roles allowed. ``report.verify`` covers verifying, rejecting and un-verifying.

A partner reads one agenda only through the link that names it (``lib.store.read_agenda``)."""
ACTIONS: tuple[str, ...] = tuple(PERMISSIONS)


def allowed_levels(ceiling: str) -> tuple[str, ...]:
    """Return the classification levels a caller with ``ceiling`` may see.

    >>> allowed_levels("TERBATAS")
    ('TERBUKA', 'TERBATAS')
    """
    if ceiling not in CLASSIFICATIONS:
        raise ValueError(f"ceiling must be one of {CLASSIFICATIONS}, got {ceiling!r}.")
    return CLASSIFICATIONS[: CLASSIFICATIONS.index(ceiling) + 1]


def may_see(ceiling: str, classification: str) -> bool:
    """Return True when a caller with ``ceiling`` may see an item of ``classification``.

    >>> may_see("TERBATAS", "RAHASIA")
    False
    """
    return classification in allowed_levels(ceiling)


def lower_ceiling(first: str, second: str) -> str:
    """Return the lower of two ceilings.

    >>> lower_ceiling("RAHASIA", "TERBATAS")
    'TERBATAS'
    """
    allowed_levels(first), allowed_levels(second)  # both must be levels
    return first if CLASSIFICATIONS.index(first) <= CLASSIFICATIONS.index(second) else second


@dataclass(frozen=True)
class Caller:
    """Who is asking: role, classification ceiling, user id (or link id) and a label to show."""

    role: str = "public"
    ceiling: str = PUBLIC_CEILING
    user_id: str = ""
    label: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, got {self.role!r}.")
        allowed_levels(self.ceiling)
        if not may_see(MAX_CEILINGS[self.role], self.ceiling):
            raise ValueError(f"a {self.role} caller cannot have ceiling {self.ceiling}.")

    @property
    def read_only(self) -> bool:
        """Return True for callers who may only look (partner links and the public)."""
        return self.role in ("partner", "public")

    @property
    def who(self) -> str:
        """Return the name written into history rows: the user id, else the label."""
        return self.user_id or self.label or self.role


PUBLIC = Caller()
"""Nobody signed in: public data only."""


def can(caller: Caller, action: str) -> bool:
    """Return True when ``caller``'s role may do ``action`` (one of :data:`ACTIONS`).

    >>> can(Caller("posko", "TERBATAS", "op1"), "report.verify")
    False
    >>> can(Caller("analyst", "RAHASIA", "ana"), "share.create")
    True
    """
    if action not in PERMISSIONS:
        raise ValueError(f"action must be one of {ACTIONS}, got {action!r}.")
    return caller.role in PERMISSIONS[action]


def require(caller: Caller, action: str, *, lang: str = "id") -> None:
    """Raise a DataProblem naming the role and the action when ``caller`` may not do ``action``."""
    if not can(caller, action):
        raise DataProblem(
            t(
                "access.not_allowed",
                lang,
                role=t(f"access.role.{caller.role}", lang),
                action=t(f"access.action.{action}", lang),
            ),
            t("access.not_allowed_fix", lang),
        )
