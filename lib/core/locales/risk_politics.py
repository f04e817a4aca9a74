"""Units, sources and notes of the index indicators derived from the political forces."""

STRINGS: dict[str, dict[str, str]] = {
    # Units of the political indicators
    "risk.unit.flag": {"id": "ya (1) atau tidak (0)", "en": "yes (1) or no (0)"},
    "risk.unit.percentage_points": {"id": "poin persentase", "en": "percentage points"},
    "risk.unit.count": {"id": "jumlah", "en": "count"},
    # head_to_head
    "risk.politics.h2h_source": {
        "id": "dihitung: jumlah pasangan calon pada pemilihan kepala daerah \u2014 "
        "{detail}; sumber: {source}",
        "en": "derived: number of candidate pairs in the regional head race \u2014 "
        "{detail}; source: {source}",
    },
    "risk.politics.h2h_note": {
        "id": "{contest}: {n} pasangan calon",
        "en": "{contest}: {n} candidate pairs",
    },
    "risk.politics.h2h_single_note": {
        "id": "{contest}: calon tunggal melawan kotak kosong",
        "en": "{contest}: a single candidate against the empty box",
    },
    # incumbent_running
    "risk.politics.incumbent_source": {
        "id": "dihitung: status petahana pasangan calon \u2014 {detail}; sumber: {source}",
        "en": "derived: incumbency of the candidate pairs \u2014 {detail}; source: {source}",
    },
    "risk.politics.incumbent_note": {
        "id": "{contest}: {pairs}",
        "en": "{contest}: {pairs}",
    },
    "risk.politics.no_incumbent_note": {
        "id": "{contest}: tidak satu pun dari {n} pasangan calon adalah petahana",
        "en": "{contest}: none of the {n} candidate pairs is an incumbent",
    },
    "risk.politics.holder.yes": {"id": "petahana", "en": "incumbent"},
    "risk.politics.holder.former": {"id": "mantan pemegang jabatan", "en": "former office-holder"},
    # coalition_dominance
    "risk.politics.dominance_source": {
        "id": "dihitung: kursi DPRD partai pengusung koalisi terbesar \u2014 {detail}; sumber: {source}",
        "en": "derived: DPRD seats of the parties behind the largest coalition \u2014 "
        "{detail}; source: {source}",
    },
    "risk.politics.dominance_note": {
        "id": "{contest}: {pair} diusung partai dengan {seats} dari {total} kursi DPRD ({election})",
        "en": "{contest}: {pair} is backed by parties with {seats} of {total} DPRD seats ({election})",
    },
    # previous_margin
    "risk.politics.margin_source": {
        "id": "dihitung: selisih suara pasangan pertama dan kedua pada pemilihan sebelumnya \u2014 "
        "{detail}; sumber: {source}",
        "en": "derived: lead of the first pair over the second at the previous election \u2014 "
        "{detail}; source: {source}",
    },
    "risk.politics.margin_note": {
        "id": "{contest} {year}: {leader} unggul {points} poin ({votes} suara)",
        "en": "{contest} {year}: {leader} led by {points} points ({votes} votes)",
    },
    # previous_disputes
    "risk.politics.disputes_source": {
        "id": "dihitung: sengketa yang tercatat pada pemilihan sebelumnya di wilayah ini \u2014 "
        "{detail}; sumber: {source}",
        "en": "derived: disputes recorded at earlier elections in this region \u2014 "
        "{detail}; source: {source}",
    },
    "risk.politics.disputes_note": {
        "id": "{n} sengketa ({kinds}); pemilihan sebelumnya yang dipetakan: {elections}",
        "en": "{n} disputes ({kinds}); earlier elections mapped: {elections}",
    },
    "risk.politics.kind.bawaslu": {"id": "laporan/temuan Bawaslu", "en": "Bawaslu report/finding"},
    "risk.politics.kind.objection": {"id": "keberatan", "en": "objection"},
    "risk.politics.kind.revote": {"id": "pemungutan suara ulang", "en": "re-vote"},
    "risk.politics.kind.mk_case": {"id": "perkara MK", "en": "MK case"},
    "risk.politics.kind.dkpp": {"id": "pengaduan DKPP", "en": "DKPP complaint"},
}
