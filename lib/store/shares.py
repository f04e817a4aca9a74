"""Share links in the store: create, open (and count the use), revoke and list them.

Signing, reading and checking tokens are :mod:`lib.access`'s rules; this module keeps the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from lib import access
from lib.access import PUBLIC, SHARE_PARAM, Caller, ShareLink
from lib.core.clock import LOCAL_TZ
from lib.core.clock import now as _now
from lib.core.clock import utc as _utc
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.store.audit import record
from lib.store.schema import agendas, share_links, users


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
    agenda_id: str | None = None,
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
    agenda_id
        A meeting agenda the link opens (read-only, every view at the link's ceiling) instead of one page.

    Raises
    ------
    DataProblem
        If no secret key is set (saying how to set one), ``creator`` may not share, the
        ceiling is above the creator's own, the label is empty or too long, or the expiry
        is past or too far away, or the agenda is unknown.
    """
    row, key_text = access.new_link(
        secret=secret,
        creator=creator,
        label=label,
        ceiling=ceiling,
        expires=expires,
        view_params=view_params,
        page=page,
        now=_utc(now or _now()),
        lang=lang,
    )
    with engine.begin() as conn:
        if agenda_id is not None:
            if conn.execute(sa.select(agendas.c.id).where(agendas.c.id == agenda_id)).first() is None:
                raise DataProblem(t("agenda.missing", lang), t("agenda.missing_fix", lang))
            access.require(creator, "agenda.read", lang=lang)
        conn.execute(share_links.insert().values(**row, agenda_id=agenda_id))
        record(conn, who=creator.who, action="link.created", target=row["label"], detail=f"ceiling {ceiling}")
    token = access.sign_token(key_text, link_id=row["id"], ceiling=ceiling, expires_at=row["expires_at"])
    return ShareLink(row["id"], token, row["expires_at"])


def open_link(
    engine: Engine,
    token: str,
    *,
    secret: str | None,
    now: dt.datetime | None = None,
    client: str = "",
    lang: str = "id",
) -> Caller:
    """Return the read-only partner caller a token grants, and record that the link was used.

    Raises
    ------
    DataProblem
        If the token is forged or tampered with, expired, revoked or unknown; the page then
        shows only public data.
    """
    body = access.read_token(token, secret=secret or "", lang=lang)
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
        record(
            conn, who=f"link:{row['id']}", action="link.opened", target=row["label"], client=client, at=now
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


def recheck_caller(
    engine: Engine, caller: Caller, *, now: dt.datetime | None = None, lang: str = "id"
) -> Caller:
    """Return ``caller`` as the store says it is now: revoked links, disabled accounts and lowered roles bite.

    Called on every run for the session's kept caller (one read by primary key), so a link
    revoked, an account disabled or a role lowered takes effect on the next rerun of every
    open session, not when the session ends.

    Raises
    ------
    DataProblem
        If the link was revoked or expired, or the account was disabled or removed: the
        session then continues as the public, with this message.
    """
    if caller.role == "public":
        return caller
    now = _utc(now or _now())
    if caller.role == "partner":
        link_id = caller.user_id.removeprefix("link:")
        with engine.connect() as conn:
            row = conn.execute(sa.select(share_links).where(share_links.c.id == link_id)).mappings().first()
        if row is None or row["revoked_at"] is not None:
            raise DataProblem(t("access.share.revoked", lang), t("access.share.ask_again", lang))
        if _utc(row["expires_at"]) <= now:
            raise DataProblem(t("access.share.expired", lang), t("access.share.ask_again", lang))
        return Caller(
            "partner", access.lower_ceiling(caller.ceiling, row["ceiling"]), caller.user_id, caller.label
        )
    with engine.connect() as conn:
        row = conn.execute(sa.select(users).where(users.c.username == caller.user_id)).mappings().first()
    if row is None or row["disabled_at"] is not None:
        raise DataProblem(
            t("access.login.disabled", lang, name=caller.user_id), t("access.login.disabled_fix", lang)
        )
    return access.caller_of(row, caller.user_id)
