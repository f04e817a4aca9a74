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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib import access, store
from lib.access import PUBLIC, Caller
from lib.events import CLASSIFICATIONS
from lib.i18n import t
from lib.posko import LOCAL_TZ
from lib.problems import DataProblem

SHARE_PARAM = "token"
"""The URL parameter holding the token (``lib/viewstate.py`` knows it)."""
SECRET_MIN = 32
"""Shortest secret key accepted, in characters."""
LABEL_MAX = 120
LINK_MAX_DAYS = 92
"""Longest validity of a link; a partner who needs longer gets a new one."""
_DOMAIN = b"sinergi-share-v1."
_TOKEN = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")

share_links = sa.Table(
    "share_links",
    store.metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("ceiling", sa.String(16), nullable=False),
    sa.Column("page", sa.Text),
    sa.Column("view_params", sa.Text, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    sa.Column("revoked_by", sa.Text),
    sa.Column("last_used_at", sa.DateTime(timezone=True)),
    sa.Column("use_count", sa.Integer, nullable=False),
)


@dataclass(frozen=True)
class ShareLink:
    """A created link: its id (to revoke it) and the signed token to put in the URL."""

    link_id: str
    token: str
    expires_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _check_secret(secret: str | None, lang: str, *, opening: bool = False) -> bytes:
    if not secret or len(secret) < SECRET_MIN:
        key = "access.share.no_secret_open" if opening else "access.share.no_secret"
        raise DataProblem(t(key, lang, minimum=SECRET_MIN), t("access.share.no_secret_fix", lang))
    return secret.encode("utf-8")


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


def create_link(
    engine: Engine,
    *,
    secret: str | None,
    creator: Caller,
    label: str,
    ceiling: str,
    expires: dt.datetime | dt.date,
    view_params: Mapping[str, str],
    page: str = "",
    now: dt.datetime | None = None,
    lang: str = "id",
) -> ShareLink:
    """Store a share link and return it with its signed token.

    Parameters
    ----------
    expires
        A date (the link works until the end of that day, Bali time) or a moment.
    view_params
        The view's URL parameters (``viewstate.encode``), kept to list what was shared.

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
    now = _utc(now or _now())
    until = _expiry(expires)
    if until <= now or until - now > dt.timedelta(days=LINK_MAX_DAYS):
        raise DataProblem(
            t("access.share.bad_expiry", lang, date=until.astimezone(LOCAL_TZ).strftime("%d/%m/%Y")),
            t("access.share.bad_expiry_fix", lang, days=LINK_MAX_DAYS),
        )
    link_id = secrets.token_urlsafe(12)
    params = {str(k): str(v) for k, v in view_params.items() if k != SHARE_PARAM}
    with engine.begin() as conn:
        conn.execute(
            share_links.insert().values(
                id=link_id,
                label=shown,
                ceiling=ceiling,
                page=page or None,
                view_params=json.dumps(params, sort_keys=True),
                created_by=creator.who,
                created_at=now,
                expires_at=until,
                use_count=0,
            )
        )
    token = sign_token(key_text, link_id=link_id, ceiling=ceiling, expires_at=until)
    return ShareLink(link_id, token, until)


def open_link(
    engine: Engine, token: str, *, secret: str | None, now: dt.datetime | None = None, lang: str = "id"
) -> Caller:
    """Return the read-only partner caller a token grants, and record that the link was used.

    Raises
    ------
    DataProblem
        If the token is forged or tampered with, expired, revoked or unknown; the page then
        shows only public data.
    """
    body = read_token(token, secret=secret or "", lang=lang)
    now = _utc(now or _now())
    expired = DataProblem(t("access.share.expired", lang), t("access.share.ask_again", lang))
    if body["expires_at"] <= now:
        raise expired
    with engine.connect() as conn:
        row = (
            conn.execute(sa.select(share_links).where(share_links.c.id == body["link_id"])).mappings().first()
        )
    if row is None:
        raise DataProblem(t("access.share.tampered", lang), t("access.share.ask_again", lang))
    if row["revoked_at"] is not None:
        raise DataProblem(t("access.share.revoked", lang), t("access.share.ask_again", lang))
    if _utc(row["expires_at"]) <= now:
        raise expired
    with engine.begin() as conn:
        conn.execute(
            share_links.update()
            .where(share_links.c.id == row["id"])
            .values(last_used_at=now, use_count=share_links.c.use_count + 1)
        )
    ceiling = access.lower_ceiling(body["ceiling"], row["ceiling"])
    return Caller("partner", ceiling, f"link:{row['id']}", row["label"])


def caller_from_params(
    engine: Engine,
    params: Mapping[str, str | list[str]],
    *,
    secret: str | None,
    now: dt.datetime | None = None,
    lang: str = "id",
) -> Caller:
    """Return the caller the URL's share token grants, or the public caller when there is none.

    Only the signed token counts: parameters such as ``ceiling=RAHASIA`` or ``role=admin``
    are ignored.

    Raises
    ------
    DataProblem
        As :func:`open_link`, when a token is present but not valid.
    """
    value = params.get(SHARE_PARAM)
    if isinstance(value, list):
        value = value[-1] if value else None
    if not value:
        return PUBLIC
    return open_link(engine, str(value), secret=secret, now=now, lang=lang)


def revoke_link(engine: Engine, link_id: str, *, actor: Caller, lang: str = "id") -> bool:
    """Revoke a link at once; return False when it was already revoked or does not exist."""
    access.require(actor, "share.revoke", lang=lang)
    with engine.begin() as conn:
        done = conn.execute(
            share_links.update()
            .where(share_links.c.id == link_id, share_links.c.revoked_at.is_(None))
            .values(revoked_at=_now(), revoked_by=actor.who)
        )
    return done.rowcount == 1


def list_links(
    engine: Engine, *, actor: Caller, now: dt.datetime | None = None, lang: str = "id"
) -> pd.DataFrame:
    """Return the links, newest first, with their status (active, expired, revoked) and use."""
    access.require(actor, "share.list", lang=lang)
    now = _utc(now or _now())
    with engine.connect() as conn:
        result = conn.execute(sa.select(share_links).order_by(share_links.c.created_at.desc()))
        frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
    for name in ("created_at", "expires_at", "revoked_at", "last_used_at"):
        frame[name] = pd.to_datetime(frame[name], utc=True).dt.tz_convert(LOCAL_TZ)
    expires = pd.to_datetime(frame["expires_at"], utc=True)
    status = pd.Series("active", index=frame.index, dtype="string")
    status[expires <= pd.Timestamp(now)] = "expired"
    status[frame["revoked_at"].notna()] = "revoked"
    frame["status"] = status
    frame["use_count"] = pd.to_numeric(frame["use_count"]).astype("Int64")
    return frame


def share_url(base_url: str, view_params: Mapping[str, str], token: str) -> str:
    """Return the address to send: the view's parameters and the token.

    >>> share_url("https://sinergi.example/peta", {"r": "51.07"}, "abc.def")
    'https://sinergi.example/peta?r=51.07&token=abc.def'
    """
    params = {k: v for k, v in view_params.items() if k != SHARE_PARAM}
    params[SHARE_PARAM] = token
    return f"{base_url.rstrip('?')}?{urlencode(params)}"
