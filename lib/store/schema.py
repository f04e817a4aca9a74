"""Every table of Sinergi, in one place: the schema that the migrations in :mod:`lib.store.engine` create.

Nothing else defines a table, so the schema never depends on which modules were imported.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)
meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
regions = sa.Table(
    "regions",
    metadata,
    sa.Column("code", sa.String(16), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("parent_code", sa.String(16)),
    sa.Column("capital", sa.Text),
    sa.Column("seat_lat", sa.Float),
    sa.Column("seat_lon", sa.Float),
    sa.Column("area_km2", sa.Float),
    sa.Column("population", sa.Integer),
    sa.Column("population_ref", sa.Text),
    sa.Column("n_kecamatan", sa.Integer),
    sa.Column("n_desa_kelurahan", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
)
elections = sa.Table(
    "elections",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("voting_day", sa.Date, nullable=False),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
)
election_stages = sa.Table(
    "election_stages",
    metadata,
    sa.Column("election_id", sa.String(64), sa.ForeignKey("elections.id"), primary_key=True),
    sa.Column("stage", sa.String(32), primary_key=True),
    sa.Column("name_id", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text, nullable=False),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
)
election_figures = sa.Table(
    "election_figures",
    metadata,
    sa.Column("election_id", sa.String(64), sa.ForeignKey("elections.id"), primary_key=True),
    sa.Column("region_code", sa.String(16), primary_key=True),
    sa.Column("dpt", sa.Integer),
    sa.Column("n_tps", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
)
contests = sa.Table(
    "contests",
    metadata,
    sa.Column("election_id", sa.String(64), sa.ForeignKey("elections.id"), primary_key=True),
    sa.Column("contest", sa.String(64), primary_key=True),
    sa.Column("region_code", sa.String(16), nullable=False),
    sa.Column("n_pairs", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),
)
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("date_precision", sa.String(8), nullable=False),
    sa.Column("region_code", sa.String(16), nullable=False, index=True),
    sa.Column("location", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("election_id", sa.String(64)),
    sa.Column("election_label", sa.Text),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("severity", sa.Integer, nullable=False),
    sa.Column("fatalities", sa.Integer),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("source_url", sa.Text),
    sa.Column("source_title", sa.Text),
    sa.Column("confidence", sa.String(8)),
    sa.Column("severity_basis", sa.Text),
    sa.Column("phase_reported", sa.String(8)),
    sa.Column("classification", sa.String(16), nullable=False, index=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
)
stakeholders = sa.Table(
    "stakeholders",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("acronym", sa.Text),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("level", sa.String(16), nullable=False),
    sa.Column("region_code", sa.String(16)),
    sa.Column("role", sa.Text),
    sa.Column("classification", sa.String(16), nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("origin", sa.Text, nullable=False),
)
links = sa.Table(
    "links",
    metadata,
    sa.Column("source_id", sa.String(80), primary_key=True),
    sa.Column("target_id", sa.String(80), primary_key=True),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("directed", sa.Boolean, nullable=False),
    sa.Column("strength", sa.Integer),
    sa.Column("delay_hours", sa.Float),
    sa.Column("channel", sa.Text),
    sa.Column("assumption", sa.Boolean, nullable=False),
    sa.Column("source_ref", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("classification", sa.String(16), nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
)

indicator_values = sa.Table(
    "indicator_values",
    metadata,
    sa.Column("region_code", sa.String(16), primary_key=True),
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("origin", sa.Text, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.String(80), primary_key=True),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("ceiling", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("disabled_at", sa.DateTime(timezone=True)),
    sa.Column("last_login_at", sa.DateTime(timezone=True)),
)

share_links = sa.Table(
    "share_links",
    metadata,
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
    sa.Column("agenda_id", sa.String(24)),
)
"""``agenda_id`` set: the link opens that meeting agenda (migration 7 adds the column to older stores)."""

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("client_token", sa.String(64), nullable=False, unique=True),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("reporter_id", sa.String(80), nullable=False),
    sa.Column("region_code", sa.String(16), nullable=False, index=True),
    sa.Column("subregion_code", sa.String(24)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("severity", sa.Integer, nullable=False),
    sa.Column("classification", sa.String(16), nullable=False, index=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("reliability", sa.String(1), nullable=False),
    sa.Column("credibility", sa.Integer, nullable=False),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("reject_reason", sa.Text),
    sa.Column("assigned_to", sa.Text),
    sa.Column("attachment_path", sa.String(40)),
    sa.Column("attachment_name", sa.Text),
    sa.Column("attachment_type", sa.String(40)),
    sa.Column("attachment_size", sa.Integer),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("alert_ack_by", sa.Text),
    sa.Column("alert_ack_at", sa.DateTime(timezone=True)),
)

report_history = sa.Table(
    "report_history",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("old", sa.Text),
    sa.Column("new", sa.Text),
)
sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("locked_until", sa.DateTime(timezone=True)),
)
"""Failed sign-ins in a row per ``account:<username>`` and per ``client:<address>`` (reset on success)."""
audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("action", sa.String(40), nullable=False, index=True),
    sa.Column("target", sa.Text),
    sa.Column("client", sa.Text),
    sa.Column("detail", sa.Text),
)
"""What was done by whom, from where: appended, never updated or deleted by the app."""

agendas = sa.Table(
    "agendas",
    metadata,
    sa.Column("id", sa.String(24), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("classification", sa.String(16), nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("copied_from", sa.String(24)),
)
"""A meeting's agenda: ``classification`` is the level its creator set (the agenda shows at least that)."""
agenda_items = sa.Table(
    "agenda_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("agenda_id", sa.String(24), sa.ForeignKey("agendas.id"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("page", sa.String(40), nullable=False),
    sa.Column("view_params", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("classification", sa.String(16), nullable=False),
)
"""One view of an agenda, in ``position`` order: page url path, its query parameters (JSON), title and
note; ``classification`` is the level of the title and note, which a reader below it does not see."""

TRANSLATED: dict[str, tuple[str, ...]] = {
    "regions": ("population_ref", "note"),
    "elections": ("name", "note"),
    "election_figures": ("note",),
    "events": ("location", "election_label", "description", "severity_basis", "source_title"),
    "stakeholders": ("role", "note"),
    "links": ("channel", "note"),
    "indicator_values": ("note",),
}
"""The bundled texts a user reads, per table: each ``c`` holds Indonesian and ``c_en`` its English.

Rows from imports and the Posko have no ``c_en``: their text stays as written, in every language
(see :func:`lib.core.text.in_language`). Migration 5 adds the ``c_en`` columns to older stores.
"""

for _table, _columns in TRANSLATED.items():
    for _column in _columns:
        metadata.tables[_table].append_column(sa.Column(f"{_column}_en", sa.Text))
del _table, _columns, _column

# ---------------------------------------------------------------- political forces (migration 9)


def _forces_table(name: str, *columns: sa.Column) -> sa.Table:
    """Return a table of the political forces: its own columns, then classification and origin."""
    return sa.Table(
        name,
        metadata,
        *columns,
        sa.Column("classification", sa.String(16), nullable=False, index=True),
        sa.Column("origin", sa.String(64), nullable=False),
    )


contests.append_column(sa.Column("office", sa.String(16)))
"""The office a contest fills (gubernur, bupati, wali_kota); migration 9 adds it to older stores."""
candidate_pairs = _forces_table(
    "candidate_pairs",
    sa.Column("pair_id", sa.String(64), primary_key=True),
    sa.Column("election_id", sa.String(64), sa.ForeignKey("elections.id"), nullable=False, index=True),
    sa.Column("contest", sa.String(64), nullable=False),
    sa.Column("ballot_no", sa.Integer),
    sa.Column("head", sa.Text, nullable=False),
    sa.Column("deputy", sa.Text, nullable=False),
    sa.Column("popular_name", sa.Text),
    sa.Column("incumbent", sa.String(16)),
    sa.Column("backing", sa.String(16)),
    sa.Column("outcome", sa.String(16)),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("note_en", sa.Text),
)
"""A candidate pair of a contest: ``incumbent`` yes/former/no, ``backing`` parties/independent,
``outcome`` elected/not_elected; empty where no source says (:mod:`lib.politics`)."""
coalitions = _forces_table(
    "coalitions",
    sa.Column("pair_id", sa.String(64), primary_key=True),
    sa.Column("party", sa.String(32), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
)
"""A party backing a pair."""
seats = _forces_table(
    "seats",
    sa.Column("election_id", sa.String(64), primary_key=True),
    sa.Column("region_code", sa.String(16), primary_key=True),
    sa.Column("party", sa.String(32), primary_key=True),
    sa.Column("seats", sa.Integer),
    sa.Column("total_seats", sa.Integer),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("note_en", sa.Text),
)
"""The DPRD seats a party won in a region at a legislative election (region 51: DPRD Bali)."""
results = _forces_table(
    "results",
    sa.Column("pair_id", sa.String(64), primary_key=True),
    sa.Column("region_code", sa.String(16), primary_key=True),
    sa.Column("election_id", sa.String(64), nullable=False, index=True),
    sa.Column("contest", sa.String(64), nullable=False),
    sa.Column("votes", sa.Integer),
    sa.Column("share", sa.Float),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("note_en", sa.Text),
    sa.Column("conflict", sa.Text),
    sa.Column("conflict_en", sa.Text),
)
"""A pair's votes and published share (%) in a region; ``conflict`` says where sources disagree."""
disputes = _forces_table(
    "disputes",
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("election_id", sa.String(64), nullable=False, index=True),
    sa.Column("contest", sa.String(64)),
    sa.Column("region_code", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("description_en", sa.Text),
    sa.Column("conflict", sa.Text),
    sa.Column("conflict_en", sa.Text),
    sa.Column("source", sa.Text, nullable=False),
)
"""A Bawaslu report or finding, a witness objection, a re-vote, an MK case or a DKPP complaint
(``contest`` empty: it concerns every contest of the election)."""
FORCES_TABLES = (candidate_pairs, coalitions, seats, results, disputes)
FORCES_TRANSLATED: dict[str, tuple[str, ...]] = {
    "candidate_pairs": ("note",),
    "seats": ("note",),
    "results": ("note", "conflict"),
    "disputes": ("description", "conflict"),
}
"""The bundled texts of the political forces, each ``c`` with its ``c_en`` (declared above, not by
:data:`TRANSLATED`, whose migration 5 predates these tables)."""

political_ties = _forces_table(
    "political_ties",
    sa.Column("source_id", sa.String(80), primary_key=True),
    sa.Column("target_id", sa.String(80), primary_key=True),
    sa.Column("kind", sa.String(24), primary_key=True),
    sa.Column("date", sa.Date),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("note_en", sa.Text),
)
"""A documented political tie to a candidate pair (:mod:`lib.network.politics`): a party leading
its campaign team, a desa adat or an ormas declaring support. ``source_id`` is an institution, a
pair or ``party:<name>``. Never a coordination link: the network's figures leave it out."""
TIES_TRANSLATED: dict[str, tuple[str, ...]] = {"political_ties": ("note",)}
"""The bundled texts of the political ties, each with its ``_en`` twin (declared above)."""

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),
    sa.Column("username", sa.String(80), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    sa.Column("revoked_by", sa.Text),
    sa.Column("end_reason", sa.String(16)),
    sa.Column("client", sa.Text),
    sa.Column("user_agent", sa.Text),
)
"""Sign-ins that outlast a tab (see :mod:`lib.access.sessions`): ``id_hash`` is the SHA-256 of the
random id the browser's cookie carries (the id itself is never stored); ``kind`` local or oidc; a
session has ended once ``revoked_at`` is set (``end_reason`` signout, revoked or expired) or when
it has been idle longer than the deployment allows."""

intake_items = sa.Table(
    "intake_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(32), nullable=False, unique=True),
    sa.Column("time", sa.DateTime(timezone=True)),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("sender", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("attachments", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("classification", sa.String(16), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("dismiss_reason", sa.Text),
    sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id"), index=True),
    sa.Column("imported_by", sa.Text, nullable=False),
    sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("triaged_by", sa.Text),
    sa.Column("triaged_at", sa.DateTime(timezone=True)),
    sa.Index("ix_intake_items_waiting", "status", "classification", "at"),
)
"""Messages awaiting triage (WhatsApp exports, pasted text): ``key`` is the message's stable key
(sender, minute, text), so a re-import adds only new ones; ``time`` is when it was sent (None for
pasted text without a header) and ``at`` that time or else when it was imported: what its age and
the queue's order count from (indexed with status and level, so the counts by age read a range);
``attachments`` a JSON list of the files it carries; ``status`` new, reported (``report_id`` names
the report it became) or dismissed (``dismiss_reason``)."""
