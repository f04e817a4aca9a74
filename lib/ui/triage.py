"""The Streamlit side of the Posko's message queue: import, the queue, suggestions, a report from messages.

The rules live in ``lib/posko`` (queue, triage) and ``lib/store`` (the queue's rows); this module
keeps what a session needs between reruns. A report made from messages goes through the Posko's
own form (:mod:`lib.ui.posko_form`): the selected messages pre-fill it, the operator completes and
saves it there, and the next run links the messages to the report saved with the form's token.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from lib import access, posko, store
from lib.access import Caller
from lib.core import clock, formats
from lib.core.i18n import t
from lib.core.problems import DataProblem
from lib.core.settings import Settings
from lib.core.text import escape
from lib.core.wilayah import bundled_wilayah
from lib.ui import cached, posko_form
from lib.ui.cached import SCOPE_HASH, Scope
from lib.ui.page import Page, upload_hint
from lib.ui.problems import show_problem

QUEUE_LIMIT = 500
"""Most items the queue lists at once (newest first)."""
UPLOAD_KEY = "triage_upload"
TABLE_KEY = "triage_table"
PICK_KEY = "triage_pick"
_PENDING = "triage_pending"
_FEEDBACK = "triage_feedback"
_ORDER = "triage_order"
_AMBIGUITY = "triage_ambiguity"
_PASTE_ORDER = "triage_paste_order"
_PASTE_AMBIGUITY = "triage_paste_ambiguity"
_RESET = "triage_reset"
_FORM_TAB = "posko_tabs"
_UPLOAD_LIMIT_MB = posko.WHATSAPP_MAX_BYTES // 1_000_000


# ---------------------------------------------------------------- cached reads


@st.cache_resource(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=2)
def finder(settings: Settings) -> posko.PlaceFinder:
    """Return the place finder: the bundled regencies (names, seats) and kecamatan/desa, built once."""
    regions = cached.context(settings).bundle.regions
    return posko.place_finder(regions.to_dict("records"), bundled_wilayah())


@st.cache_data(hash_funcs=SCOPE_HASH, show_spinner=False, max_entries=16)
def queue_items(scope: Scope, caller: Caller) -> pd.DataFrame:
    """Return the newest untriaged items the caller may see (at most :data:`QUEUE_LIMIT`)."""
    return store.read_items(scope.ctx.engine, actor=caller, statuses=["new"], limit=QUEUE_LIMIT)


def age_counts(engine: Engine, caller: Caller) -> tuple[int, dict[str, int]]:
    """Return how many items wait untriaged, in all and by age (one cheap query, never cached: ages move)."""
    total, within = store.count_untriaged(engine, actor=caller, since=posko.age_bounds(clock.now()))
    return total, posko.age_counts(total, within)


def counts_sentence(total: int, ages: Mapping[str, int], lang: str) -> str:
    """Return the untriaged items by age as one sentence."""
    shown = {k: formats.number(v, lang) for k, v in ages.items()}
    return t("triage.counts", lang, total=formats.number(total, lang), **shown)


# ---------------------------------------------------------------- the sections


def summary(page: Page) -> None:
    """Show Posko roles how many messages wait untriaged, by age (nothing for anyone else)."""
    if not access.can(page.caller, "report.read"):
        return
    total, ages = age_counts(page.ctx.engine, page.caller)
    st.caption(counts_sentence(total, ages, page.lang))


def section(page: Page) -> None:
    """Draw the message queue on the Posko page: counts, import and paste, the queue, triage."""
    caller, lang = page.caller, page.lang
    if not access.can(caller, "report.read"):
        return
    for name in st.session_state.pop(_RESET, ()):  # widgets emptied after an action, before they are drawn
        st.session_state.pop(name, None)
    _link_pending(page.ctx.engine, caller, lang)
    total, ages = age_counts(page.ctx.engine, caller)
    st.caption(counts_sentence(total, ages, lang))
    with st.expander(t("triage.title", lang), icon=":material/forum:", key="triage_box"):
        _show_feedback(lang)
        if access.can(caller, "report.create"):
            _draw_import(page)
        _draw_queue(page, total)


def _show_feedback(lang: str) -> None:
    feedback = st.session_state.pop(_FEEDBACK, None)
    if not feedback:
        return
    kind, lines = feedback
    if kind == "problem":
        show_problem(DataProblem(lines[0], lines[1]))
        st.caption(t("triage.kept", lang))
        return
    st.success(escape(lines[0]), icon=":material/check_circle:")
    for line in lines[1:]:
        st.info(escape(line), icon=":material/info:")


def _say(kind: str, *lines: str, reset: tuple[str, ...] = ()) -> None:
    """Leave what an action did for the next run, and the widgets to empty before it draws them."""
    st.session_state[_FEEDBACK] = (kind, list(lines))
    st.session_state[_RESET] = (*st.session_state.get(_RESET, ()), *reset)


# ---------------------------------------------------------------- import and paste


def _draw_import(page: Page) -> None:
    lang = page.lang
    levels = [level for level in store.IMPORT_LEVELS if access.may_see(page.caller.ceiling, level)]
    left, right = st.columns(2)
    with left:
        st.file_uploader(
            t("triage.upload", lang), type=["txt", "zip"], max_upload_size=_UPLOAD_LIMIT_MB, key=UPLOAD_KEY
        )
        upload_hint(lang, kinds="TXT, ZIP", limit_mb=_UPLOAD_LIMIT_MB)
        st.selectbox(t("triage.level", lang), levels, key="triage_level")
        choices = st.session_state.get(_AMBIGUITY)
        if choices:
            st.warning(t("triage.order.ask", lang, button=t("triage.import", lang)), icon=":material/event:")
            st.radio(t("triage.order", lang), list(choices), format_func=choices.get, key=_ORDER)
        if st.button(t("triage.import", lang), key="triage_import", type="primary", icon=":material/upload:"):
            _import_upload(page)
    with right:
        st.text_area(t("triage.paste", lang), height=150, key="triage_paste")
        choices = st.session_state.get(_PASTE_AMBIGUITY)
        if choices:
            st.warning(
                t("triage.order.ask", lang, button=t("triage.paste.add", lang)), icon=":material/event:"
            )
            st.radio(t("triage.order", lang), list(choices), format_func=choices.get, key=_PASTE_ORDER)
        if st.button(t("triage.paste.add", lang), key="triage_paste_add", icon=":material/content_paste:"):
            _import_paste(page)


def _import_upload(page: Page) -> None:
    lang = page.lang
    upload = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        st.warning(t("triage.import.none", lang))
        return
    order = st.session_state.get(_ORDER) if st.session_state.get(_AMBIGUITY) else None
    try:
        chat = posko.read_chat_export(upload.getvalue(), upload.name, order=order, lang=lang)
    except DataProblem as problem:
        _say("problem", problem.what, problem.fix)
        st.session_state.pop(_AMBIGUITY, None)
        st.rerun()
    if chat.ambiguity is not None:
        st.session_state[_AMBIGUITY] = posko.date_order_choices(chat.ambiguity, lang=lang)
        st.rerun()
    st.session_state.pop(_AMBIGUITY, None)
    _store(page, chat, posko.sanitise_filename(upload.name))


def _import_paste(page: Page) -> None:
    lang = page.lang
    order = st.session_state.get(_PASTE_ORDER) if st.session_state.get(_PASTE_AMBIGUITY) else None
    try:
        chat = posko.parse_pasted_chat(st.session_state.get("triage_paste") or "", order=order, lang=lang)
    except DataProblem as problem:
        _say("problem", problem.what, problem.fix)
        st.session_state.pop(_PASTE_AMBIGUITY, None)
        st.rerun()
    if chat.ambiguity is not None:  # asked, as for an uploaded export: both readings fit every date
        st.session_state[_PASTE_AMBIGUITY] = posko.date_order_choices(chat.ambiguity, lang=lang)
        st.rerun()
    st.session_state.pop(_PASTE_AMBIGUITY, None)
    _store(page, chat, t("triage.paste.source", lang), reset=("triage_paste",))


def _store(page: Page, chat: posko.ChatImport, source: str, *, reset: tuple[str, ...] = ()) -> None:
    """Import ``chat`` with a progress bar; leave what it did for the next run and rerun."""
    lang = page.lang
    bar = st.progress(0.0, text=t("triage.progress.keys", lang, count=len(chat.messages)))
    try:
        result = posko.import_chat(
            page.ctx.engine,
            chat,
            source=source,
            classification=st.session_state.get("triage_level") or "TERBATAS",
            actor=page.caller,
            data_dir=page.ctx.settings.data_dir,
            progress=lambda share, text: bar.progress(min(max(share, 0.0), 1.0), text=text),
            lang=lang,
        )
    except DataProblem as problem:
        _say("problem", problem.what, problem.fix)
        st.rerun()
    _say(
        "done",
        t("triage.imported", lang, name=source, summary=result.summary(lang)),
        *result.notes,
        reset=reset,
    )
    st.rerun()


# ---------------------------------------------------------------- the queue


def _pick_from_table(ids: Sequence[int]) -> None:
    """Choose the items of the rows selected in the queue's table (a dataframe-selection callback)."""
    state = st.session_state.get(TABLE_KEY)
    rows = list(getattr(getattr(state, "selection", None), "rows", None) or [])
    if not rows and isinstance(state, Mapping):
        rows = list(state.get("selection", {}).get("rows", []))
    st.session_state[PICK_KEY] = [ids[r] for r in rows if 0 <= r < len(ids)]


def _draw_queue(page: Page, total: int) -> None:
    lang = page.lang
    items = queue_items(page.scope, page.caller)
    if items.empty:
        st.info(t("triage.queue.empty", lang))
        return
    if total > len(items):
        st.caption(t("triage.queue.more", lang, shown=len(items), total=total))
    ids = [int(i) for i in items["id"]]
    st.dataframe(
        posko.queue_display(items, now=clock.now(), lang=lang),
        hide_index=True,
        key=TABLE_KEY,
        on_select=lambda: _pick_from_table(ids),
        selection_mode="multi-row",
    )
    records = {int(r["id"]): r for r in items.to_dict("records")}
    labels = {i: posko.item_label(r) for i, r in records.items()}
    st.session_state[PICK_KEY] = [i for i in st.session_state.get(PICK_KEY, []) if i in labels]
    picked = st.multiselect(
        t("triage.pick", lang),
        list(labels),
        format_func=labels.get,
        placeholder=t("triage.pick.none", lang),
        help=t("triage.pick.help", lang),
        key=PICK_KEY,
    )
    if picked:
        _draw_picked(page, [records[i] for i in picked])


def _draw_picked(page: Page, chosen: list[dict[str, Any]]) -> None:
    lang, caller = page.lang, page.caller
    for item in chosen:
        files = ", ".join(a["name"] for a in item["attachments"])
        st.text(
            f"{posko.item_label({**item, 'text': ''})}\n{item['text']}" + (f"\n[{files}]" if files else "")
        )
    _draw_suggestions(page, "\n".join(str(item["text"]) for item in chosen))
    if not access.can(caller, "report.create"):
        return
    count = len(chosen)
    levels = list(access.allowed_levels(caller.ceiling))
    st.button(
        t("triage.make", lang, count=count),
        key="triage_make",
        type="primary",
        icon=":material/post_add:",
        on_click=_prefill,
        args=(chosen, levels, lang),
    )
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input(t("triage.dismiss.reason", lang), max_chars=store.DISMISS_REASON_MAX, key="triage_reason")
    if right.button(t("triage.dismiss", lang, count=count), key="triage_dismiss", icon=":material/block:"):
        reason = st.session_state.get("triage_reason") or ""
        try:
            done = store.dismiss_items(
                page.ctx.engine, [int(i["id"]) for i in chosen], reason=reason, actor=caller, lang=lang
            )
        except DataProblem as problem:
            show_problem(problem)
            return
        reason = " ".join(reason.split())
        _say(
            "done", t("triage.dismissed", lang, count=done, reason=reason), reset=(PICK_KEY, "triage_reason")
        )
        st.rerun()


def _draw_suggestions(page: Page, text: str) -> None:
    """Offer the places and categories the messages name; each is used only when the operator accepts it."""
    lang = page.lang
    places = finder(page.ctx.settings).find(text)[:6]
    categories = posko.suggest_categories(text)
    st.markdown(f"**{t('triage.suggest', lang)}**")
    if not places and not categories:
        st.caption(t("triage.suggest.none", lang))
        return
    names = cached.place_names(page.ctx.settings, lang)
    can_fill = access.can(page.caller, "report.create")
    for suggestion in places:
        said = t(
            "triage.suggest.place",
            lang,
            level=t(f"triage.level.{suggestion.level}", lang),
            name=names.get(suggestion.code, suggestion.code),
            matched=suggestion.matched,
        ) + (t("triage.suggest.close", lang) if suggestion.close else "")
        _offer(
            said, f"triage_use_{suggestion.code}", _use_place, (suggestion.code, said, lang), can_fill, lang
        )
    for found in categories:
        said = t(
            "triage.suggest.category",
            lang,
            name=t(f"category.{found.category}", lang),
            words=", ".join(found.words),
        )
        _offer(
            said, f"triage_use_{found.category}", _use_category, (found.category, said, lang), can_fill, lang
        )


def _offer(said: str, key: str, accept: Any, args: tuple[Any, ...], can_fill: bool, lang: str) -> None:
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.text(said)
    if can_fill:
        right.button(t("triage.suggest.accept", lang), key=key, on_click=accept, args=args)


def _use_place(code: str, said: str, lang: str) -> None:
    """Put an accepted place into the report form: its regency, and the kecamatan/desa itself."""
    regency = code if code.count(".") <= 1 else code[:5]
    st.session_state[posko_form.key("region")] = regency
    if code != regency:
        st.session_state[posko_form.key("subregion")] = code
    else:
        st.session_state.pop(posko_form.key("subregion"), None)
    _say("done", t("triage.suggest.accepted", lang, what=said))


def _use_category(category: str, said: str, lang: str) -> None:
    st.session_state[posko_form.key("category")] = category
    _say("done", t("triage.suggest.accepted", lang, what=said))


# ---------------------------------------------------------------- a report from messages


def _prefill(chosen: list[dict[str, Any]], levels: list[str], lang: str) -> None:
    """Fill the Posko form from the chosen items, and remember them for the report it will save."""
    fill = posko.report_prefill(chosen, lang=lang)
    token = posko_form.init_form(levels)
    st.session_state[posko_form.key("date")] = fill.received_at.date()
    st.session_state[posko_form.key("time")] = fill.received_at.time()
    st.session_state[posko_form.key("title")] = fill.title
    st.session_state[posko_form.key("description")] = fill.description
    if fill.classification in levels:
        st.session_state[posko_form.key("classification")] = fill.classification
    st.session_state[_PENDING] = (token, tuple(int(i["id"]) for i in chosen))
    st.session_state[_FORM_TAB] = t("poskopage.tab.new", lang)  # the Posko page's tabs keep their state here
    _say("done", t("triage.made", lang, count=len(chosen)))


def _link_pending(engine: Engine, caller: Caller, lang: str) -> None:
    """Link the items a pre-filled form was made from to the report it saved, once it is saved."""
    pending = st.session_state.get(_PENDING)
    if not pending:
        return
    token, ids = pending
    report_id = posko.report_for_token(engine, token, actor=caller)
    if report_id is None:
        shown = ", ".join(f"#{i}" for i in ids)
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.caption(t("triage.pending", lang, ids=shown))
        if right.button(t("triage.pending.cancel", lang), key="triage_pending_cancel"):
            st.session_state.pop(_PENDING, None)
            st.rerun()
        return
    st.session_state.pop(_PENDING, None)
    try:
        posko.link_report(engine, report_id, ids, actor=caller, lang=lang)
    except DataProblem as problem:
        _say("problem", problem.what, problem.fix)
        st.rerun()
    _say("done", t("triage.linked", lang, id=report_id, count=len(ids)), reset=(PICK_KEY,))
    st.rerun()


def show_sources(page: Page, report: Mapping[str, Any]) -> None:
    """Show, in a report's detail, the messages it was made from (nothing for a report typed in)."""
    lang, caller = page.lang, page.caller
    if not access.can(caller, "report.read"):
        return
    items = store.read_items(page.ctx.engine, actor=caller, report_id=int(report["id"]), lang=lang)
    if items.empty:
        return
    st.markdown(f"**{t('triage.sources', lang, count=len(items))}**")
    for item in sorted(items.to_dict("records"), key=lambda i: (i["at"], i["id"])):
        head = t(
            "triage.source.line",
            lang,
            id=item["id"],
            time=item["at"].strftime("%d/%m/%Y %H:%M"),
            sender=item["sender"] or "\u2014",
            source=item["source"],
        )
        st.text(f"{head}\n{item['text']}")
        for number, file in enumerate(item["attachments"]):
            _source_file(page, int(item["id"]), number, file)


def _source_file(page: Page, item_id: int, number: int, file: Mapping[str, Any]) -> None:
    if not file.get("stored"):
        st.caption(escape(f"{file['name']}" + (f" ({file['note']})" if file.get("note") else "")))
        return
    path = posko.attachment_path(page.ctx.settings.data_dir, file["stored"])
    if not path.exists():
        st.caption(escape(t("poskopage.detail.attachment_missing", page.lang, name=file["name"])))
        return
    st.download_button(
        t("triage.source.file", page.lang, name=escape(file["name"])),
        path.read_bytes,
        file_name=posko.download_name(file["name"], path.name),
        mime=file.get("type"),
        icon=":material/attach_file:",
        key=f"triage_src_{item_id}_{number}",
        on_click="ignore",
    )
