"""Strings of the political forces: the Kekuatan Politik page and the checks of its data files."""

STRINGS = {
    "nav.politik": {"id": "Kekuatan Politik", "en": "Political forces"},
    "politics.title": {"id": "Kekuatan Politik", "en": "Political forces"},
    "politics.intro": {
        "id": "Kontestasi, pasangan calon, partai pengusung, hasil dan sengketa, masing-masing dengan "
        "sumbernya. Yang tidak ditemukan di sumber ditulis \u201ctidak diketahui\u201d, bukan 0.",
        "en": "Contests, candidate pairs, backing parties, results and disputes, each with its source. "
        "What no source gives is written \u201cunknown\u201d, never 0.",
    },
    "politics.no_contests": {
        "id": "Belum ada data kontestasi untuk {election}.",
        "en": "No contests are recorded for {election} yet.",
    },
    "politics.no_contests_fix": {
        "id": "Pilih Pilkada Serentak 2024 (Bali) di bilah samping, atau tambahkan kontestasinya "
        "di data/contests.csv.",
        "en": "Pick the 2024 regional elections (Bali) in the sidebar, or add its contests "
        "to data/contests.csv.",
    },
    "politics.no_seats": {
        "id": "Belum ada data kursi DPRD untuk wilayah ini (Pemilu sebelumnya): kursi di belakang "
        "pasangan calon tidak diketahui.",
        "en": "No DPRD seat data for this region yet (previous legislative election): the seats behind "
        "the pairs are unknown.",
    },
    "politics.no_pairs": {
        "id": "Nama pasangan calon kontestasi ini tidak ditemukan di sumber; jumlah pasangan: {n}.",
        "en": "The candidate pairs of this contest were not found in the sources; number of pairs: {n}.",
    },
    "politics.flags": {"id": "Sorotan kerawanan", "en": "What to watch"},
    "politics.flags_table": {"id": "Semua sorotan sebagai tabel", "en": "All flags as a table"},
    "politics.flags_caption": {
        "id": "Head-to-head, calon tunggal (kotak kosong), petahana, selisih tipis (di bawah {pp} poin "
        "persentase) dan sengketa, dengan alasan pentingnya bagi kerawanan.",
        "en": "Head-to-head races, single-candidate races (empty box), incumbents, narrow margins (below "
        "{pp} percentage points) and disputes, with why each matters for vulnerability.",
    },
    "politics.no_single": {
        "id": "Tidak ada kontestasi calon tunggal (kotak kosong) dalam tampilan ini.",
        "en": "No single-candidate race (empty box) in this view.",
    },
    "politics.balance": {
        "id": "Keseimbangan per kabupaten/kota: {contest}",
        "en": "Balance by regency: {contest}",
    },
    "politics.balance_caption": {
        "id": "Perolehan suara menurut kabupaten/kota; wilayah tanpa hasil berwarna abu-abu "
        "(tidak diketahui). Klik wilayah untuk memfokuskan tampilan.",
        "en": "Votes by regency; a region without results is grey (unknown). "
        "Click a region to focus the view.",
    },
    "politics.measure": {"id": "Ukuran di peta", "en": "Map measure"},
    "politics.measure.winner_share": {"id": "Suara pemenang (%)", "en": "Winner's share (%)"},
    "politics.measure.margin_votes": {"id": "Selisih suara", "en": "Margin (votes)"},
    "politics.in_region": {"id": "{contest} di {region}", "en": "{contest} in {region}"},
    "politics.metric.leader": {"id": "Unggul", "en": "Ahead"},
    "politics.metric.share": {"id": "Suara", "en": "Share"},
    "politics.metric.margin": {"id": "Selisih", "en": "Margin"},
    "politics.metric.margin_value": {
        "id": "{votes} suara ({points} poin)",
        "en": "{votes} votes ({points} pts)",
    },
    "politics.contests": {"id": "Kontestasi dan pasangan calon", "en": "Contests and candidate pairs"},
    "politics.result_region": {
        "id": "Hasil yang ditampilkan: {region}.",
        "en": "Results shown: {region}.",
    },
    "politics.conflicts": {"id": "Sumber berbeda: {text}", "en": "Sources disagree: {text}"},
    "politics.conflict": {"id": "(Sumber berbeda: {text})", "en": "(Sources disagree: {text})"},
    "politics.result_notes": {"id": "Catatan hasil: {text}", "en": "Result notes: {text}"},
    "politics.export": {"id": "Unduh tabel kekuatan dan koalisi", "en": "Download the forces and coalitions"},
    "politics.export_forces": {"id": "Kekuatan per kontestasi", "en": "Forces per contest"},
    "politics.export_coalitions": {"id": "Koalisi partai pengusung", "en": "Backing coalitions"},
    "politics.all_contests": {"id": "Semua kontestasi", "en": "All contests"},
    "politics.pairs_n": {"id": "{n} pasangan", "en": "{n} pairs"},
    "politics.seats_of": {"id": "{seats} dari {total} kursi", "en": "{seats} of {total} seats"},
    "politics.col.ballot": {"id": "No. urut", "en": "Ballot no."},
    "politics.col.pair": {"id": "Pasangan calon", "en": "Candidate pair"},
    "politics.col.incumbent": {"id": "Petahana", "en": "Incumbent"},
    "politics.col.backing": {"id": "Jalur", "en": "Nomination"},
    "politics.col.coalition": {"id": "Partai pengusung", "en": "Backing parties"},
    "politics.col.seats": {"id": "Kursi DPRD pengusung", "en": "DPRD seats behind"},
    "politics.col.votes": {"id": "Suara", "en": "Votes"},
    "politics.col.share": {"id": "Persentase", "en": "Share"},
    "politics.col.outcome": {"id": "Hasil", "en": "Outcome"},
    "politics.col.note": {"id": "Catatan", "en": "Note"},
    "politics.col.contest": {"id": "Kontestasi", "en": "Contest"},
    "politics.col.party": {"id": "Partai", "en": "Party"},
    "politics.col.flag": {"id": "Sorotan", "en": "Flag"},
    "politics.col.region": {"id": "Wilayah", "en": "Region"},
    "politics.col.what": {"id": "Fakta", "en": "Facts"},
    "politics.col.why": {"id": "Mengapa penting bagi kerawanan", "en": "Why it matters for vulnerability"},
    "politics.col.leader": {"id": "Unggul", "en": "Ahead"},
    "politics.col.lead_share": {"id": "Suara yang unggul", "en": "Leader's share"},
    "politics.col.margin_votes": {"id": "Selisih (suara)", "en": "Margin (votes)"},
    "politics.col.margin_pp": {"id": "Selisih (poin %)", "en": "Margin (% points)"},
    "politics.office.gubernur": {"id": "Gubernur", "en": "Governor"},
    "politics.office.bupati": {"id": "Bupati", "en": "Regent"},
    "politics.office.wali_kota": {"id": "Wali kota", "en": "Mayor"},
    "politics.incumbent.yes": {"id": "Petahana", "en": "Incumbent"},
    "politics.incumbent.former": {"id": "Mantan petahana", "en": "Former office holder"},
    "politics.incumbent.no": {"id": "Bukan petahana", "en": "Not incumbent"},
    "politics.backing.parties": {"id": "Partai politik", "en": "Party-backed"},
    "politics.backing.independent": {"id": "Perseorangan", "en": "Independent"},
    "politics.outcome.elected": {"id": "Terpilih", "en": "Elected"},
    "politics.outcome.not_elected": {"id": "Tidak terpilih", "en": "Not elected"},
    "politics.dispute.bawaslu": {"id": "Laporan/temuan Bawaslu", "en": "Bawaslu report or finding"},
    "politics.dispute.objection": {"id": "Keberatan saksi", "en": "Witness objection"},
    "politics.dispute.revote": {"id": "Pemungutan suara ulang (PSU)", "en": "Re-vote (PSU)"},
    "politics.dispute.mk_case": {"id": "Perkara MK", "en": "Constitutional Court case"},
    "politics.dispute.dkpp": {"id": "Pengaduan DKPP", "en": "DKPP complaint"},
    "politics.flag.single_candidate": {
        "id": "Calon tunggal (kotak kosong)",
        "en": "Single candidate (empty box)",
    },
    "politics.flag.head_to_head": {"id": "Head-to-head", "en": "Head-to-head"},
    "politics.flag.incumbent": {"id": "Petahana maju", "en": "Incumbent running"},
    "politics.flag.narrow_margin": {"id": "Selisih tipis", "en": "Narrow margin"},
    "politics.flag.dispute": {"id": "Sengketa", "en": "Dispute"},
    "politics.what.single_candidate": {
        "id": "Satu pasangan calon melawan kotak kosong.",
        "en": "One pair runs against the empty box.",
    },
    "politics.what.head_to_head": {
        "id": "Dua pasangan calon berhadapan langsung.",
        "en": "Two pairs face each other.",
    },
    "politics.what.narrow_margin": {
        "id": "{pair} unggul {votes} suara ({points} poin persentase).",
        "en": "{pair} ahead by {votes} votes ({points} percentage points).",
    },
    "politics.why.single_candidate": {
        "id": "Pendukung kotak kosong tidak punya saksi atau tim resmi, sehingga keberatan lebih mudah "
        "disalurkan lewat massa; Kapolri menyoroti pilkada calon tunggal.",
        "en": "Supporters of the empty box have no official witnesses or team, so objections more easily "
        "take to the street; the national police chief singled out single-candidate races.",
    },
    "politics.why.head_to_head": {
        "id": "Dukungan terbelah menjadi dua kubu, sehingga gesekan antarpendukung lebih mudah memuncak; "
        "Kapolri menyoroti pilkada head-to-head.",
        "en": "Support splits into two camps, so friction between supporters escalates more easily; the "
        "national police chief singled out head-to-head races.",
    },
    "politics.why.incumbent": {
        "id": "Petahana dapat memakai wewenang, program dan ASN untuk kampanye; Bawaslu menyebut "
        "penyalahgunaan wewenang petahana sebagai kerawanan tahap pencalonan, "
        "dan netralitas ASN perlu diawasi.",
        "en": "An incumbent can use office, programmes and civil servants for the campaign; Bawaslu names "
        "abuse of authority by incumbents as a candidacy-stage risk, "
        "and civil-service neutrality needs watching.",
    },
    "politics.why.narrow_margin": {
        "id": "Selisih tipis membuat hasil mudah dipersoalkan: keberatan saksi, permintaan hitung ulang "
        "dan tekanan massa pada rekapitulasi.",
        "en": "A narrow margin makes the result easy to contest: witness objections, recount requests and "
        "crowd pressure at the recapitulation.",
    },
    "politics.why.bawaslu": {
        "id": "Laporan yang saling berbalas antarkubu dapat menaikkan ketegangan; tindak lanjut Gakkumdu "
        "yang cepat dan terbuka meredamnya.",
        "en": "Reports traded between camps can raise tension; "
        "prompt and open follow-up by Gakkumdu calms it.",
    },
    "politics.why.objection": {
        "id": "Keberatan saksi yang tidak ditindaklanjuti adalah butir paling rawan tahap pungut hitung "
        "dalam pemetaan Bawaslu.",
        "en": "Witness objections not followed up are the riskiest item of the voting and counting stage "
        "in Bawaslu's mapping.",
    },
    "politics.why.revote": {
        "id": "PSU menandai masalah di TPS itu; riwayat PSU adalah indikator TPS rawan Bawaslu untuk "
        "pemilihan berikutnya.",
        "en": "A re-vote marks a problem at that polling station; a history of re-votes is a Bawaslu "
        "indicator of a vulnerable polling station in the next election.",
    },
    "politics.why.mk_case": {
        "id": "Sengketa hasil di MK memperpanjang ketidakpastian setelah pemungutan suara; tanpa perkara, "
        "masa itu berakhir lebih cepat.",
        "en": "A result dispute at the MK prolongs uncertainty after voting; without a case, that period "
        "ends sooner.",
    },
    "politics.why.dkpp": {
        "id": "Pengaduan etik terhadap penyelenggara menyangkut kepercayaan pada KPU dan Bawaslu.",
        "en": "Ethics complaints against election officials bear on trust in the KPU and Bawaslu.",
    },
    "politics.expect.filled": {"id": "terisi (kolom ini wajib)", "en": "filled in (the column is required)"},
    "politics.expect.range": {"id": "angka dari {low} sampai {high}", "en": "a number from {low} to {high}"},
    "politics.expect.at_least": {"id": "angka paling sedikit {low}", "en": "a number of at least {low}"},
    "politics.expect.office_region": {
        "id": "jabatan yang cocok dengan wilayah {region} (gubernur hanya untuk 51, "
        "bupati/wali_kota untuk kabupaten/kota)",
        "en": "an office that fits region {region} (gubernur only for 51, "
        "bupati/wali_kota for a regency or city)",
    },
    "politics.expect.contest": {
        "id": "kontestasi yang tercatat di contests.csv untuk {election}",
        "en": "a contest listed in contests.csv for {election}",
    },
    "politics.expect.pair_contest": {
        "id": "kontestasi pasangan itu ({contest})",
        "en": "that pair's contest ({contest})",
    },
    "politics.expect.contest_region": {
        "id": "wilayah yang termasuk kontestasi itu",
        "en": "a region within that contest",
    },
    "politics.expect.within_total": {
        "id": "jumlah kursi yang tidak melebihi total_seats",
        "en": "a seat count no larger than total_seats",
    },
}
