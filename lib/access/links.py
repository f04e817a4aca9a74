"""Share links: signed, expiring, revocable tokens that let a partner read a view at a ceiling.

A token is ``<payload>.<signature>``: the payload (base64url JSON) names the link id, the
ceiling and the expiry; the signature is HMAC-SHA256 with the deployment's secret key.
Opening a link checks the signature, the expiry and the stored link (not revoked, not
expired); the ceiling granted is the lower of the token's and the stored link's. Nothing
else in the URL can raise it.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from lib.access import rules as access
from lib.access.rules import Caller
from lib.core.clock import LOCAL_TZ
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.vocab import CLASSIFICATIONS

SHARE_PARAM = "token"
"""The URL parameter holding the token (``lib/viewstate.py`` knows it)."""
SECRET_MIN = 32
"""Shortest secret key accepted, in characters."""
SECRET_DISTINCT_MIN = 16
"""Fewest different characters (white space aside) in a secret key accepted."""
LABEL_MAX = 120
LINK_MAX_DAYS = 92
"""Longest validity of a link; a partner who needs longer gets a new one."""
_DOMAIN = b"sinergi-share-v1."
_TOKEN = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class ShareLink:
    """A created link: its id (to revoke it) and the signed token to put in the URL."""

    link_id: str
    token: str
    expires_at: dt.datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def secret_is_strong(secret: str | None) -> bool:
    """Return True for a signing key long and varied enough to resist guessing.

    At least :data:`SECRET_MIN` characters, of which at least :data:`SECRET_DISTINCT_MIN`
    different ones, not counting white space (32 spaces, or "a" repeated, are no key).

    >>> secret_is_strong(" " * 40), secret_is_strong("ab" * 20)
    (False, False)
    >>> secret_is_strong("x7Qp-2mZ_kT9vR4sW8yB1nC6dF3gH5jL0")
    True
    """
    if not secret or len(secret) < SECRET_MIN:
        return False
    return len(set(secret) - set(" \t\r\n")) >= SECRET_DISTINCT_MIN


def _check_secret(secret: str | None, lang: str, *, opening: bool = False) -> bytes:
    if not secret_is_strong(secret):
        key = "access.share.no_secret_open" if opening else "access.share.no_secret"
        raise DataProblem(
            t(key, lang, minimum=SECRET_MIN, distinct=SECRET_DISTINCT_MIN),
            t("access.share.no_secret_fix", lang),
        )
    return str(secret).encode("utf-8")


def _sign(key: bytes, payload: str) -> str:
    return _b64(hmac.new(key, _DOMAIN + payload.encode("ascii"), hashlib.sha256).digest())


def sign_token(secret: str, *, link_id: str, ceiling: str, expires_at: dt.datetime) -> str:
    """Return the signed token for a link (used by :func:`create_link`; exposed for tests)."""
    access.allowed_levels(ceiling)
    body = {"l": link_id, "c": ceiling, "e": int(_utc(expires_at).timestamp())}
    payload = _b64(json.dumps(body, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    return f"{payload}.{_sign(secret.encode('utf-8'), payload)}"


def read_token(token: str, *, secret: str, lang: str = "id") -> dict[str, Any]:
    """Return the token's payload (link id, ceiling, expiry) if its signature is right.

    Raises
    ------
    DataProblem
        If the token is malformed, its signature does not match or its content is odd.
    """
    key = _check_secret(secret, lang, opening=True)
    bad = DataProblem(t("access.share.tampered", lang), t("access.share.ask_again", lang))
    text = (token or "").strip()
    if len(text) > 400 or not _TOKEN.match(text):
        raise bad
    payload, signature = text.split(".")
    if not hmac.compare_digest(_sign(key, payload), signature):
        raise bad
    try:
        body = json.loads(_unb64(payload))
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise bad from error
    if (
        not isinstance(body, dict)
        or set(body) != {"l", "c", "e"}
        or body["c"] not in CLASSIFICATIONS
        or not isinstance(body["l"], str)
        or type(body["e"]) is not int
    ):
        raise bad
    return {
        "link_id": str(body["l"]),
        "ceiling": body["c"],
        "expires_at": dt.datetime.fromtimestamp(body["e"], dt.UTC),
    }


def _expiry(value: dt.datetime | dt.date) -> dt.datetime:
    """Return the expiry moment: a date means the end of that day in Bali time."""
    if isinstance(value, dt.datetime):
        return _utc(value if value.tzinfo else value.replace(tzinfo=LOCAL_TZ))
    return _utc(dt.datetime.combine(value, dt.time(23, 59, 59), tzinfo=LOCAL_TZ))


EXPIRY_PRESETS: tuple[str, ...] = ("week", "month", "stage", "date")
"""How long a new link lives: to the end of this week, of this month, of the election stage under way,
or of a date picked; each until 23:59:59 Bali time (WITA) of its last day."""


def expiry_presets(
    today: dt.date, stages: Iterable[tuple[str, dt.date, dt.date]] = ()
) -> dict[str, tuple[dt.date, str]]:
    """Return the preset last days a link can have from ``today``: preset -> (date, stage id or "").

    ``week`` is this week's Sunday, ``month`` the month's last day, ``stage`` the soonest end of
    the election stages under way (absent when none is, or when it ends past :data:`LINK_MAX_DAYS`).

    >>> campaign = ("campaign", dt.date(2024, 9, 25), dt.date(2024, 11, 23))
    >>> presets = expiry_presets(dt.date(2024, 11, 20), [campaign])
    >>> presets["week"][0], presets["month"][0], presets["stage"]
    (datetime.date(2024, 11, 24), datetime.date(2024, 11, 30), (datetime.date(2024, 11, 23), 'campaign'))
    """
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    presets = {
        "week": (today + dt.timedelta(days=6 - today.weekday()), ""),
        "month": (next_month - dt.timedelta(days=1), ""),
    }
    under_way = sorted((end, stage) for stage, start, end in stages if start <= today <= end)
    if under_way and under_way[0][0] - today < dt.timedelta(days=LINK_MAX_DAYS):
        presets["stage"] = under_way[0]
    return presets


def share_url(base_url: str, view_params: Mapping[str, str], token: str) -> str:
    """Return the address to send: the view's parameters and the token.

    >>> share_url("https://sinergi.example/peta", {"r": "51.07"}, "abc.def")
    'https://sinergi.example/peta?r=51.07&token=abc.def'
    """
    params = {k: v for k, v in view_params.items() if k != SHARE_PARAM}
    params[SHARE_PARAM] = token
    return f"{base_url.rstrip('?')}?{urlencode(params)}"


def new_link(
    *,
    secret: str | None,
    creator: Caller,
    label: str,
    ceiling: str,
    expires: dt.datetime | dt.date,
    view_params: Mapping[str, str],
    page: str,
    now: dt.datetime,
    lang: str = "id",
) -> tuple[dict[str, Any], str]:
    """Check a new share link and return its row and the signing key (text).

    Raises
    ------
    DataProblem
        If no secret key is set (saying how to set one), ``creator`` may not share, the
        ceiling is above the creator's own, the label is empty or too long, or the expiry
        is past or too far away.
    """
    key_text = _check_secret(secret, lang).decode("utf-8")
    access.require(creator, "share.create", lang=lang)
    access.allowed_levels(ceiling)
    if not access.may_see(creator.ceiling, ceiling):
        raise DataProblem(
            t("access.share.ceiling_above", lang, level=ceiling, own=creator.ceiling),
            t("access.share.ceiling_above_fix", lang),
        )
    shown = " ".join((label or "").split())
    if not shown or len(shown) > LABEL_MAX:
        raise DataProblem(
            t("access.share.bad_label", lang, limit=LABEL_MAX), t("access.share.bad_label_fix", lang)
        )
    until = _expiry(expires)
    if until <= now or until - now > dt.timedelta(days=LINK_MAX_DAYS):
        raise DataProblem(
            t("access.share.bad_expiry", lang, date=until.astimezone(LOCAL_TZ).strftime("%d/%m/%Y")),
            t("access.share.bad_expiry_fix", lang, days=LINK_MAX_DAYS),
        )
    params = {str(k): str(v) for k, v in view_params.items() if k != SHARE_PARAM}
    row = {
        "id": secrets.token_urlsafe(12),
        "label": shown,
        "ceiling": ceiling,
        "page": page or None,
        "view_params": json.dumps(params, sort_keys=True),
        "created_by": creator.who,
        "created_at": now,
        "expires_at": until,
        "use_count": 0,
    }
    return row, key_text


LINK_LIST_COLUMNS: tuple[str, ...] = (
    "label",
    "ceiling",
    "page",
    "created_by",
    "created_at",
    "expires_at",
    "last_used_at",
    "use_count",
    "status",
    "revoked_by",
)
"""The columns of the link list, in order."""


def links_display(links: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the link list (from ``lib.store.list_links``) as a display table with readable headers."""
    table = links.assign(
        status=links["status"].map(lambda s: t(f"access.share.status.{s}", lang)),
        **{c: links[c].dt.strftime("%d/%m/%Y %H:%M") for c in ("created_at", "expires_at", "last_used_at")},
    )[list(LINK_LIST_COLUMNS)]
    return table.rename(columns={c: t(f"poskopage.links.col.{c}", lang) for c in table.columns})


def revocable(links: pd.DataFrame) -> dict[str, str]:
    """Return the active links, id -> "label (CEILING)", for the revoke picker."""
    active = links[links["status"] == "active"]
    return dict(zip(active["id"], active["label"] + " (" + active["ceiling"] + ")", strict=True))
