"""Strings of the political layer of the stakeholder network: candidate pairs, parties and their ties."""

STRINGS: dict[str, dict[str, str]] = {
    # Checks of political_ties.csv
    "networkpolitics.expect.end": {
        "id": "id lembaga atau pasangan (huruf kecil, angka, tanda hubung) atau party:<nama partai>",
        "en": "an institution or pair id (lower-case letters, digits, hyphens) or party:<party name>",
    },
    "networkpolitics.expect.url": {"id": "sumber berupa URL", "en": "a source given as a URL"},
    "networkpolitics.expect.once": {
        "id": "ikatan yang belum ada (sudah ada di baris {row})",
        "en": "a tie not given before (it is in row {row})",
    },
    "networkpolitics.expect.known": {
        "id": "lembaga di stakeholders.csv, pasangan calon atau party:<nama partai>",
        "en": "an institution of stakeholders.csv, a candidate pair or party:<party name>",
    },
    "networkpolitics.expect.pair": {
        "id": "pair_id pasangan calon di candidate_pairs.csv",
        "en": "the pair_id of a candidate pair in candidate_pairs.csv",
    },
    # Nodes and ties
    "networkpolitics.kind.candidate": {"id": "Pasangan calon", "en": "Candidate pair"},
    "networkpolitics.kind.party": {"id": "Partai politik", "en": "Political party"},
    "networkpolitics.tie.backs": {"id": "Mengusung", "en": "Nominates"},
    "networkpolitics.tie.campaign_team": {"id": "Tim pemenangan", "en": "Campaign team"},
    "networkpolitics.tie.declared_support": {"id": "Menyatakan dukungan", "en": "Declared support"},
    "networkpolitics.legend": {
        "id": "Dukungan politik (bukan koordinasi)",
        "en": "Political support (not coordination)",
    },
    "networkpolitics.legend_title": {"id": "Ikatan politik", "en": "Political ties"},
    "networkpolitics.nodes_title": {"id": "Kekuatan politik", "en": "Political forces"},
    # Detail of a pair or party
    "networkpolitics.col.contest": {"id": "Pemilihan", "en": "Contest"},
    "networkpolitics.col.ballot_no": {"id": "Nomor urut", "en": "Ballot number"},
    "networkpolitics.col.incumbent": {"id": "Petahana", "en": "Incumbent"},
    "networkpolitics.col.backing": {"id": "Jalur", "en": "Nomination"},
    "networkpolitics.col.outcome": {"id": "Hasil", "en": "Outcome"},
    "networkpolitics.col.party": {"id": "Partai", "en": "Party"},
    "networkpolitics.col.who": {"id": "Pihak", "en": "Who"},
    "networkpolitics.col.tie": {"id": "Ikatan", "en": "Tie"},
    "networkpolitics.col.date": {"id": "Tanggal", "en": "Date"},
    "networkpolitics.col.note": {"id": "Catatan", "en": "Note"},
    "networkpolitics.col.source": {"id": "Sumber", "en": "Source"},
    "networkpolitics.incumbent.yes": {"id": "Ya, menjabat sekarang", "en": "Yes, holds the office now"},
    "networkpolitics.incumbent.former": {"id": "Pernah menjabat", "en": "Held the office before"},
    "networkpolitics.incumbent.no": {"id": "Bukan petahana", "en": "Not an incumbent"},
    "networkpolitics.backing.parties": {"id": "Diusung partai", "en": "Nominated by parties"},
    "networkpolitics.backing.independent": {"id": "Perseorangan", "en": "Independent"},
    "networkpolitics.outcome.elected": {"id": "Terpilih", "en": "Elected"},
    "networkpolitics.outcome.not_elected": {"id": "Tidak terpilih", "en": "Not elected"},
    # The Pemangku Kepentingan page
    "networkpolitics.toggle": {"id": "Kekuatan politik", "en": "Political forces"},
    "networkpolitics.toggle_help": {
        "id": "Pasangan calon dan partai pemilihan yang dipilih, dengan ikatan yang bersumber: "
        "pengusungan, tim pemenangan, dukungan desa adat atau ormas. Ikatan ini bukan jalur koordinasi "
        "dan tidak dihitung dalam angka jaringan.",
        "en": "The chosen election's candidate pairs and parties, with their sourced ties: nomination, "
        "campaign teams, declared support of desa adat or ormas. These ties are not coordination "
        "channels and no network figure counts them.",
    },
    "networkpolitics.shown": {
        "id": "Di bawah jaringan: pasangan calon (belah ketupat ungu) dan partai (persegi). "
        "Garis putus-putus merah muda: dukungan politik, bukan koordinasi. Sentralitas, perantara, "
        "titik rawan tunggal dan waktu peringatan tetap dihitung dari hubungan kelembagaan saja. "
        "{pairs} pasangan calon, {parties} partai, {ties} ikatan.",
        "en": "Below the network: candidate pairs (purple diamonds) and parties (squares). "
        "Dashed pink lines: political support, not coordination. Centrality, brokers, single points "
        "of failure and alert times are still computed from the institutional links only. "
        "{pairs} candidate pairs, {parties} parties, {ties} ties.",
    },
    "networkpolitics.none": {
        "id": "Belum ada pasangan calon untuk {election} yang boleh Anda lihat.",
        "en": "There is no candidate pair of {election} that you may see yet.",
    },
    "networkpolitics.detail": {"id": "Pasangan calon: {name}", "en": "Candidate pair: {name}"},
    "networkpolitics.detail_party": {"id": "Partai: {name}", "en": "Party: {name}"},
    "networkpolitics.ties_title": {
        "id": "Ikatan politik (bukan koordinasi)",
        "en": "Political ties (not coordination)",
    },
    "networkpolitics.no_ties": {
        "id": "Belum ada ikatan yang bersumber.",
        "en": "No sourced tie yet.",
    },
}
