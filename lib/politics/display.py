"""The political forces as a person reads them: labelled codes, numbers and reasons in their language."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lib.core import formats
from lib.core.i18n import t
from lib.politics.forces import coalition_seats, contests_in_focus, flags, pair_label, standings
from lib.politics.model import PROVINCE, Forces


def code_label(prefix: str, value: object, lang: str) -> str:
    """Return the words for a stored code (``politics.incumbent.yes`` …); unknown when empty.

    >>> code_label("incumbent", "former", "id"), code_label("backing", None, "en")
    ('Mantan petahana', 'unknown')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return t("common.unknown", lang)
    return t(f"politics.{prefix}.{value}", lang)


def _text(value: object, lang: str) -> str:
    """Return a text cell, unknown when empty."""
    return t("common.unknown", lang) if not isinstance(value, str) or not value else value


def _number(value: object, lang: str, digits: int = 0) -> str:
    return (
        t("common.unknown", lang)
        if value is None or pd.isna(value)
        else formats.number(value, lang, digits=digits)
    )


def contest_title(contest: pd.Series, names: Mapping[str, str], lang: str) -> str:
    """Return a contest's heading: "Pilbup Buleleng · Bupati · 2 pasangan"."""
    office = code_label("office", contest["office"], lang)
    pairs = (
        t("politics.pairs_n", lang, n=int(contest["n_pairs"]))
        if not pd.isna(contest["n_pairs"])
        else t("common.unknown", lang)
    )
    region = names.get(contest["region_code"], contest["region_code"])
    return f"{contest['contest']} · {office} · {region} · {pairs}"


def forces_table(
    forces: Forces,
    contest: pd.Series,
    region_code: str,
    seats_election: str | None,
    lang: str,
) -> pd.DataFrame:
    """Return the forces of one contest: each pair, its coalition and seats, its result in ``region_code``."""
    table = standings(forces, contest["election_id"], contest["contest"], region_code)
    dprd = contest["region_code"]
    unknown = t("common.unknown", lang)
    rows = []
    for _, pair in table.sort_values("ballot_no", na_position="last").iterrows():
        seats = coalition_seats(forces, pair["pair_id"], dprd, seats_election)
        seat_text = (
            unknown
            if seats["seats"] is None
            else t("politics.seats_of", lang, seats=seats["seats"], total=_number(seats["total"], lang))
        )
        popular = (
            pair["popular_name"] if isinstance(pair["popular_name"], str) and pair["popular_name"] else None
        )
        names = f"{pair['head']} – {pair['deputy']}" + (f" ({popular})" if popular else "")
        rows.append(
            {
                t("politics.col.ballot", lang): unknown
                if pd.isna(pair["ballot_no"])
                else f"{int(pair['ballot_no']):02d}",
                t("politics.col.pair", lang): names,
                t("politics.col.outcome", lang): code_label("outcome", pair["outcome"], lang),
                t("politics.col.votes", lang): _number(pair["votes"], lang),
                t("politics.col.share", lang): unknown
                if pd.isna(pair["share"])
                else formats.percent(float(pair["share"]) / 100, lang, digits=2),
                t("politics.col.coalition", lang): ", ".join(seats["parties"]) or unknown,
                t("politics.col.seats", lang): seat_text,
                t("politics.col.incumbent", lang): code_label("incumbent", pair["incumbent"], lang),
                t("politics.col.backing", lang): code_label("backing", pair["backing"], lang),
                t("politics.col.note", lang): pair["note"] if isinstance(pair["note"], str) else "",
                t("col.source", lang): pair["source"],
            }
        )
    return pd.DataFrame(rows)


def coalitions_table(forces: Forces, focus: str | None, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """Return every backing party of every pair in the view's contests, with its source (for export)."""
    contests = contests_in_focus(forces, focus)
    pairs = forces.pairs[forces.pairs["contest"].isin(set(contests["contest"]))]
    merged = forces.coalitions.merge(
        pairs[["pair_id", "contest", "ballot_no", "popular_name", "head", "deputy"]], on="pair_id"
    )
    return pd.DataFrame(
        {
            t("politics.col.contest", lang): merged["contest"],
            t("politics.col.pair", lang): [pair_label(row) for _, row in merged.iterrows()],
            t("politics.col.party", lang): merged["party"],
            t("col.source", lang): merged["source"],
        }
    )


def flag_table(
    forces: Forces, focus: str | None, regions: list[str], names: Mapping[str, str], lang: str
) -> pd.DataFrame:
    """Return the flags of :func:`lib.politics.flags` as sentences: what, where, why it matters, source."""
    raw = flags(forces, focus, regions)
    labels = {row["pair_id"]: pair_label(row) for _, row in forces.pairs.iterrows()}
    rows = []
    for flag in raw.to_dict("records"):
        kind = flag["kind"]
        what = _what(flag, labels, lang)
        why_key = f"politics.why.{flag['subject']}" if kind == "dispute" else f"politics.why.{kind}"
        where = (
            names.get(flag["region_code"], flag["region_code"])
            if flag["region_code"] != PROVINCE
            else names.get(PROVINCE, "Bali")
        )
        rows.append(
            {
                t("politics.col.flag", lang): t(f"politics.flag.{kind}", lang)
                + (f": {code_label('dispute', flag['subject'], lang)}" if kind == "dispute" else ""),
                t("politics.col.contest", lang): flag["contest"]
                if isinstance(flag["contest"], str)
                else t("politics.all_contests", lang),
                t("politics.col.region", lang): where,
                t("politics.col.what", lang): what,
                t("politics.col.why", lang): t(why_key, lang),
                t("col.source", lang): str(flag["source"]).split(" | ")[0],
            }
        )
    # No flag (an election set up in the app, its pairs not counted yet) is a table with no row.
    columns = ["flag", "contest", "region", "what", "why"]
    return pd.DataFrame(
        rows, columns=[*(t(f"politics.col.{c}", lang) for c in columns), t("col.source", lang)]
    )


def _what(flag: Mapping[str, object], labels: Mapping[str, str], lang: str) -> str:
    """Return the flag's own facts as one sentence."""
    kind = flag["kind"]
    if kind == "single_candidate":
        return t("politics.what.single_candidate", lang)
    if kind == "head_to_head":
        return t("politics.what.head_to_head", lang)
    if kind == "incumbent":
        status = code_label("incumbent", flag["detail"], lang)
        return f"{labels.get(str(flag['subject']), flag['subject'])}: {status}"
    if kind == "narrow_margin":
        return t(
            "politics.what.narrow_margin",
            lang,
            pair=labels.get(str(flag["subject"]), flag["subject"]),
            votes=formats.number(flag["detail"], lang),
            points=formats.number(flag["margin_pp"], lang, digits=2),
        )
    text = str(flag["detail"])
    if flag.get("date") is not None and not pd.isna(flag.get("date")):
        text = f"{flag['date'].strftime('%d/%m/%Y')} · {text}"
    if isinstance(flag.get("conflict"), str) and flag["conflict"]:
        text += " " + t("politics.conflict", lang, text=flag["conflict"])
    return text


def balance_table(balance: pd.DataFrame, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """Return the governor's race by regency for the screen: leader, share, margin (unknown kept unknown)."""
    unknown = t("common.unknown", lang)
    return pd.DataFrame(
        {
            t("politics.col.region", lang): [names.get(c, c) for c in balance["code"]],
            t("politics.col.leader", lang): [
                v if isinstance(v, str) else unknown for v in balance["leader_label"]
            ],
            t("politics.col.lead_share", lang): [
                unknown if pd.isna(v) else formats.percent(float(v) / 100, lang, digits=2)
                for v in balance["lead_share"]
            ],
            t("politics.col.margin_votes", lang): [_number(v, lang) for v in balance["margin_votes"]],
            t("politics.col.margin_pp", lang): [_number(v, lang, 2) for v in balance["margin_pp"]],
            t("col.source", lang): [
                s.split(" | ")[0] if isinstance(s, str) else None for s in balance["source"]
            ],
        }
    )


def flag_groups(table: pd.DataFrame, lang: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Return the flags of :func:`flag_table` grouped by what and why: (title, reason, [(line, source)]).

    The reason is said once per group; each line names the contest, the region and the facts.
    """
    flag, why = t("politics.col.flag", lang), t("politics.col.why", lang)
    contest, region = t("politics.col.contest", lang), t("politics.col.region", lang)
    what, source = t("politics.col.what", lang), t("col.source", lang)
    groups: list[tuple[str, str, list[tuple[str, str]]]] = []
    for (title, reason), rows in table.groupby([flag, why], sort=False):
        lines = [(f"{r[contest]} · {r[region]}: {r[what]}", str(r[source])) for _, r in rows.iterrows()]
        groups.append((str(title), str(reason), lines))
    return groups
