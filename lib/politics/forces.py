"""The balance of forces read from the data: standings per region, margins, coalition seats, warning flags."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from lib.politics.model import PROVINCE, Forces

NARROW_MARGIN_PP = 5.0
"""A lead below this many percentage points is a narrow margin (flagged)."""
FLAG_KINDS: tuple[str, ...] = ("single_candidate", "head_to_head", "incumbent", "narrow_margin", "dispute")
"""What the page flags, in the order it lists them."""


def for_election(forces: Forces, election_id: str) -> Forces:
    """Return the forces of one election (the seats stay whole: they belong to a legislative election)."""
    pairs = forces.pairs[forces.pairs["election_id"] == election_id]
    return replace(
        forces,
        contests=forces.contests[forces.contests["election_id"] == election_id],
        pairs=pairs,
        coalitions=forces.coalitions[forces.coalitions["pair_id"].isin(set(pairs["pair_id"]))],
        results=forces.results[forces.results["election_id"] == election_id],
        disputes=forces.disputes[forces.disputes["election_id"] == election_id],
    )


def contests_in_focus(forces: Forces, focus: str | None) -> pd.DataFrame:
    """Return the contests a view shows: all of them for Bali, else the province's and the regency's own."""
    contests = forces.contests
    if not focus:
        return contests
    return contests[contests["region_code"].isin([PROVINCE, focus])]


def pair_label(pair: pd.Series) -> str:
    """Return how a pair is named on screen: "02 Koster-Giri", else "I Made A – I Made B".

    >>> pair_label(pd.Series({"ballot_no": 2, "popular_name": "Koster-Giri", "head": "K", "deputy": "G"}))
    '02 Koster-Giri'
    >>> pair_label(pd.Series({"ballot_no": pd.NA, "popular_name": None, "head": "A", "deputy": "B"}))
    'A – B'
    """
    name = pair["popular_name"] if isinstance(pair["popular_name"], str) and pair["popular_name"] else None
    text = name or f"{pair['head']} – {pair['deputy']}"
    return text if pd.isna(pair["ballot_no"]) else f"{int(pair['ballot_no']):02d} {text}"


def standings(forces: Forces, election_id: str, contest: str, region_code: str) -> pd.DataFrame:
    """Return every pair of ``contest`` with its votes and share in ``region_code``, best first.

    The share is computed from the votes when every pair's votes in that region are known, else
    it is the share the source published (or unknown). ``complete`` says which.
    """
    pairs = forces.pairs[(forces.pairs["election_id"] == election_id) & (forces.pairs["contest"] == contest)]
    results = forces.results[
        (forces.results["election_id"] == election_id)
        & (forces.results["contest"] == contest)
        & (forces.results["region_code"] == region_code)
    ]
    table = pairs.merge(
        results[["pair_id", "votes", "share", "source", "note", "conflict"]].rename(
            columns={"source": "result_source", "note": "result_note"}
        ),
        on="pair_id",
        how="left",
    )
    complete = bool(len(table)) and bool(table["votes"].notna().all())
    if complete:
        total = float(table["votes"].sum())
        table["share"] = pd.array(
            [float(v) * 100 / total if total else None for v in table["votes"]], "Float64"
        )
    table["complete"] = complete
    table["label"] = [pair_label(row) for _, row in table.iterrows()]
    order = table.assign(_v=table["votes"].astype("Float64").fillna(-1), _s=table["share"].fillna(-1))
    order = order.sort_values(["_v", "_s", "ballot_no"], ascending=[False, False, True])
    return order.drop(columns=["_v", "_s"]).reset_index(drop=True)


def margin(table: pd.DataFrame) -> dict[str, object]:
    """Return the lead of the first pair of :func:`standings` over the second (unknown when votes lack).

    Keys: ``leader`` (pair id), ``leader_label``, ``lead_share`` (%), ``margin_votes``, ``margin_pp``.
    """
    unknown: dict[str, object] = {
        "leader": None,
        "leader_label": None,
        "lead_share": None,
        "margin_votes": None,
        "margin_pp": None,
    }
    if len(table) < 2 or not bool(table["complete"].iloc[0]):
        return unknown
    first, second = table.iloc[0], table.iloc[1]
    return {
        "leader": first["pair_id"],
        "leader_label": first["label"],
        "lead_share": float(first["share"]),
        "margin_votes": int(first["votes"]) - int(second["votes"]),
        "margin_pp": float(first["share"]) - float(second["share"]),
    }


def regional_balance(forces: Forces, election_id: str, contest: str, regions: list[str]) -> pd.DataFrame:
    """Return one row per region of a contest: the leader, its share, the margin (votes, points), sources.

    Also ``winner_share``: the share in that region of the pair elected in the whole contest,
    which shows where the winner was strong and where the race was even.
    """
    winners = forces.pairs[
        (forces.pairs["election_id"] == election_id)
        & (forces.pairs["contest"] == contest)
        & (forces.pairs["outcome"] == "elected")
    ]
    winner = winners["pair_id"].iloc[0] if len(winners) else None
    rows = []
    for code in regions:
        table = standings(forces, election_id, contest, code)
        mine = table[table["pair_id"] == winner]
        sources = [s for s in table["result_source"].dropna().unique()]
        rows.append(
            {
                "code": code,
                **margin(table),
                "winner_share": float(mine["share"].iloc[0])
                if len(mine) and not pd.isna(mine["share"].iloc[0])
                else None,
                "source": " | ".join(sources) if sources else None,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("lead_share", "margin_pp", "winner_share"):
        frame[column] = pd.array(frame[column].tolist(), dtype="Float64")
    frame["margin_votes"] = pd.array(frame["margin_votes"].tolist(), dtype="Int64")
    return frame


def legislature_of(elections: pd.DataFrame, election_id: str) -> str | None:
    """Return the legislative election (Pemilu) before ``election_id``: its DPRD seats back the pairs."""
    day = elections.loc[election_id, "voting_day"]
    earlier = elections[(elections["level"] == "pemilu") & (elections["voting_day"] < day)]
    return None if earlier.empty else str(earlier.sort_values("voting_day")["id"].iloc[-1])


def coalition_seats(
    forces: Forces, pair_id: str, region_code: str, seats_election: str | None
) -> dict[str, object]:
    """Return the DPRD seats behind a pair in ``region_code``: ``seats``, ``total``, ``parties``.

    ``seats`` and ``total`` are None (unknown) when no seat of that DPRD is recorded, or when one
    of the pair's parties has no seat figure; a party without seats is a recorded 0.
    """
    parties = sorted(forces.coalitions.loc[forces.coalitions["pair_id"] == pair_id, "party"])
    seats = forces.seats[
        (forces.seats["election_id"] == seats_election) & (forces.seats["region_code"] == region_code)
    ]
    known = dict(zip(seats["party"], seats["seats"], strict=True))
    totals = seats["total_seats"].dropna()
    if seats.empty or not parties or any(p not in known or pd.isna(known[p]) for p in parties):
        return {"parties": parties, "seats": None, "total": int(totals.iloc[0]) if len(totals) else None}
    return {
        "parties": parties,
        "seats": int(sum(int(known[p]) for p in parties)),
        "total": int(totals.iloc[0]) if len(totals) else None,
    }


def flags(forces: Forces, focus: str | None, regions: list[str]) -> pd.DataFrame:
    """Return what deserves attention in the contests of the view, one row per flag.

    Columns: ``kind`` (:data:`FLAG_KINDS`), ``contest``, ``region_code``, ``subject`` (a pair, a
    dispute kind …), ``detail`` (numbers, for the caller to format), ``source``. The reasons
    (why each matters for *kerawanan*) are words, given by the display in the user's language.
    """
    rows: list[dict[str, object]] = []
    contests = contests_in_focus(forces, focus)
    for contest in contests.itertuples():
        n_pairs = None if pd.isna(contest.n_pairs) else int(contest.n_pairs)
        base = {"contest": contest.contest, "region_code": contest.region_code}
        if n_pairs == 1:
            rows.append(
                {**base, "kind": "single_candidate", "subject": None, "detail": 1, "source": contest.source}
            )
        elif n_pairs == 2:
            rows.append(
                {**base, "kind": "head_to_head", "subject": None, "detail": 2, "source": contest.source}
            )
        pairs = forces.pairs[forces.pairs["contest"] == contest.contest]
        for pair in pairs[pairs["incumbent"].isin(["yes", "former"])].itertuples():
            rows.append(
                {
                    **base,
                    "kind": "incumbent",
                    "subject": pair.pair_id,
                    "detail": pair.incumbent,
                    "source": pair.source,
                }
            )
        shown = regions if contest.region_code == PROVINCE else [contest.region_code]
        if focus and contest.region_code == PROVINCE:
            shown = [focus]
        balance = regional_balance(forces, contest.election_id, contest.contest, shown)
        for row in balance.itertuples():
            if not pd.isna(row.margin_pp) and float(row.margin_pp) < NARROW_MARGIN_PP:
                rows.append(
                    {
                        "contest": contest.contest,
                        "region_code": row.code,
                        "kind": "narrow_margin",
                        "subject": row.leader,
                        "detail": int(row.margin_votes),
                        "margin_pp": float(row.margin_pp),
                        "source": row.source,
                    }
                )
    disputes = forces.disputes
    if focus:
        disputes = disputes[disputes["region_code"].isin([PROVINCE, focus])]
    for dispute in disputes.itertuples():
        rows.append(
            {
                "contest": dispute.contest if isinstance(dispute.contest, str) else None,
                "region_code": dispute.region_code,
                "kind": "dispute",
                "subject": dispute.kind,
                "detail": dispute.description,
                "conflict": dispute.conflict if isinstance(dispute.conflict, str) else None,
                "date": dispute.date,
                "source": dispute.source,
            }
        )
    columns = [
        "kind",
        "contest",
        "region_code",
        "subject",
        "detail",
        "margin_pp",
        "conflict",
        "date",
        "source",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["order"] = frame["kind"].map({k: i for i, k in enumerate(FLAG_KINDS)})
    return (
        frame.sort_values(["order", "contest", "region_code"], kind="stable")
        .drop(columns="order")
        .reset_index(drop=True)
    )
