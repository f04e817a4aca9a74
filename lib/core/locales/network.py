"""Strings of the stakeholder network: checks, analyses, what-if, file import, chart labels."""

STRINGS: dict[str, dict[str, str]] = {
    # Checks of stakeholders.csv and links.csv
    "network.table.stakeholders": {"id": "Daftar pemangku kepentingan", "en": "The stakeholder list"},
    "network.table.links": {"id": "Daftar hubungan", "en": "The link list"},
    "network.missing_columns": {
        "id": "{table} tidak punya kolom {columns}.",
        "en": "{table} has no column {columns}.",
    },
    "network.missing_columns_fix": {
        "id": "Tambahkan kolomnya; kolom yang dipakai: {columns}.",
        "en": "Add the columns; the columns used are: {columns}.",
    },
    "network.bad_cell": {
        "id": "{table}, baris {row}, kolom {column}: \u201c{value}\u201d tidak bisa dipakai.",
        "en": "{table}, row {row}, column {column}: \u201c{value}\u201d cannot be used.",
    },
    "network.bad_cell_fix": {
        "id": "Perbaiki sel itu lalu muat ulang (baris 1 adalah judul kolom).",
        "en": "Correct that cell and load again (row 1 is the header).",
    },
    "network.expected_flag": {"id": "Tulis true atau false.", "en": "Write true or false."},
    "network.expected_one_of": {"id": "Pilih salah satu: {options}.", "en": "Use one of: {options}."},
    "network.expected_id": {
        "id": "Id memakai huruf kecil, angka dan tanda hubung, mis. polres-buleleng.",
        "en": "An id uses lower-case letters, digits and hyphens, e.g. polres-buleleng.",
    },
    "network.expected_unique": {
        "id": "Id ini sudah dipakai di baris {other}.",
        "en": "This id is already used in row {other}.",
    },
    "network.expected_text": {"id": "Kolom ini wajib diisi.", "en": "This column must be filled in."},
    "network.expected_code": {
        "id": "Tulis kode wilayah Kemendagri (mis. 51 atau 51.08); kosong hanya untuk lembaga nasional.",
        "en": "Write a Kemendagri region code (e.g. 51 or 51.08); leave it empty only for national bodies.",
    },
    "network.expected_source": {
        "id": "Setiap baris perlu sumber (URL, atau judul, media dan tanggal publikasi).",
        "en": "Every row needs a source (a URL, or the publication's title, outlet and date).",
    },
    "network.expected_hours": {
        "id": "Tulis jam sebagai angka 0 atau lebih (mis. 1,5), atau kosongkan bila tidak diketahui.",
        "en": "Write hours as a number of 0 or more (e.g. 1.5), or leave it empty when unknown.",
    },
    "network.expected_known_id": {
        "id": "Id ini tidak ada di daftar pemangku kepentingan.",
        "en": "This id is not in the stakeholder list.",
    },
    "network.expected_other_end": {
        "id": "Sebuah hubungan harus menuju lembaga lain.",
        "en": "A link must lead to another institution.",
    },
    "network.expected_strength": {
        "id": "Kekuatan adalah 1, 2 atau 3.",
        "en": "Strength is 1, 2 or 3.",
    },
    "network.expected_unique_link": {
        "id": "Hubungan {source} ke lembaga ini dengan jenis yang sama sudah ada di baris {other}.",
        "en": "The link from {source} to this institution with the same kind is already in row {other}.",
    },
    # Analyses
    "network.missing_node": {
        "id": "Lembaga \u201c{id}\u201d tidak ada di jaringan.",
        "en": "The institution \u201c{id}\u201d is not in the network.",
    },
    "network.missing_node_fix": {
        "id": "Tambahkan lembaga itu ke daftar pemangku kepentingan, atau pilih lembaga lain.",
        "en": "Add that institution to the stakeholder list, or pick another one.",
    },
    "network.step.posko_to_police": {"id": "Posko \u2192 Polres", "en": "Posko \u2192 Polres"},
    "network.step.police_to_election": {
        "id": "Polres \u2192 Bawaslu/KPU",
        "en": "Polres \u2192 Bawaslu/KPU",
    },
    "network.step.election_to_customary": {
        "id": "Bawaslu/KPU \u2192 desa adat",
        "en": "Bawaslu/KPU \u2192 desa adat",
    },
    "network.gap.missing": {"id": "{step}: tidak ada", "en": "{step}: missing"},
    "network.gap.assumed": {"id": "{step}: hanya asumsi", "en": "{step}: assumed only"},
    "network.suggest.method_faster": {
        "id": "Pencarian serakah: setiap putaran mencoba hubungan {kind} baru dari Posko ke setiap lembaga "
        "yang belum terhubung, dengan waktu asumsi {hours} jam, lalu memilih yang paling menurunkan waktu "
        "peringatan terlama ke kantor kabupaten/kota. Hasil baik, bukan terbukti terbaik.",
        "en": "Greedy search: each round tries a new {kind} link from the Posko to every institution "
        "not yet linked to it, taking an assumed {hours} h, and keeps the one that most lowers the slowest "
        "alert to a regency office. Good picks, not proven best.",
    },
    "network.suggest.method_backup": {
        "id": "Pencarian serakah: setiap putaran mencoba hubungan {kind} baru dari Posko ke setiap lembaga "
        "yang bisa terputus oleh satu kehilangan, lalu memilih yang paling mengurangi jumlah lembaga yang "
        "bisa terputus (titik artikulasi). Hasil baik, bukan terbukti terbaik.",
        "en": "Greedy search: each round tries a new {kind} link from the Posko to every institution "
        "a single loss could cut off, and keeps the one that most lowers how many institutions could be "
        "cut off (articulation points). Good picks, not proven best.",
    },
    "network.status.removed": {"id": "Dihapus dalam skenario", "en": "Removed in the scenario"},
    "network.status.cut_off": {"id": "Terputus dari Posko", "en": "Cut off from the Posko"},
    "network.status.slower": {"id": "Lebih lambat", "en": "Slower"},
    "network.status.unreachable": {
        "id": "Tak terjangkau peringatan Posko",
        "en": "No longer reached by Posko alerts",
    },
    "network.status.reconnected": {"id": "Kini terjangkau", "en": "Now reachable"},
    "network.status.faster": {"id": "Lebih cepat", "en": "Faster"},
    "network.status.unchanged": {"id": "Tidak berubah", "en": "Unchanged"},
    "network.status.added": {"id": "Ditambahkan", "en": "Added"},
    # What-if
    "network.unknown_id": {
        "id": "Tidak ada lembaga dengan id \u201c{id}\u201d.",
        "en": "No institution has the id \u201c{id}\u201d.",
    },
    "network.unknown_id_fix": {
        "id": "Pilih lembaga dari daftar, atau buka tautan skenario yang baru.",
        "en": "Pick the institution from the list, or open a fresh scenario link.",
    },
    "network.no_such_link": {
        "id": "{a} dan {b} tidak terhubung langsung.",
        "en": "{a} and {b} are not linked directly.",
    },
    "network.no_such_link_fix": {
        "id": "Pilih hubungan yang ada di jaringan.",
        "en": "Pick a link that is in the network.",
    },
    "network.link_exists": {
        "id": "{a} dan {b} sudah terhubung (atau sama).",
        "en": "{a} and {b} are already linked (or the same).",
    },
    "network.link_exists_fix": {
        "id": "Pilih dua lembaga yang belum terhubung.",
        "en": "Pick two institutions that are not linked yet.",
    },
    "network.bad_scenario": {
        "id": "Bagian skenario \u201c{part}\u201d tidak bisa dibaca.",
        "en": "The scenario part \u201c{part}\u201d cannot be read.",
    },
    "network.bad_scenario_fix": {
        "id": "Susun ulang skenario di halaman Pemangku Kepentingan lalu salin tautannya lagi.",
        "en": "Set the scenario up again on the Stakeholders page and copy its link again.",
    },
    # GraphML / GEXF import
    "network.file_type": {
        "id": "Berkas \u201c{name}\u201d bukan GraphML atau GEXF.",
        "en": "The file \u201c{name}\u201d is not GraphML or GEXF.",
    },
    "network.file_type_fix": {
        "id": "Ekspor jaringan dari Gephi, yEd atau Sinergi sebagai .graphml atau .gexf lalu unggah lagi.",
        "en": "Export the network from Gephi, yEd or Sinergi as .graphml or .gexf and upload it again.",
    },
    "network.file_entities": {
        "id": "Berkas \u201c{name}\u201d memuat deklarasi DOCTYPE/ENTITY XML, yang tidak diterima.",
        "en": "The file \u201c{name}\u201d contains XML DOCTYPE/ENTITY declarations, which are not accepted.",
    },
    "network.file_too_big": {
        "id": "Berkas \u201c{name}\u201d memuat {count} simpul; batasnya {limit}.",
        "en": "The file \u201c{name}\u201d holds {count} nodes; the limit is {limit}.",
    },
    "network.file_too_big_fix": {
        "id": "Unggah jaringan dengan paling banyak {limit} lembaga, mis. satu provinsi saja.",
        "en": "Upload a network of at most {limit} institutions, e.g. one province only.",
    },
    "network.file_unreadable": {
        "id": "Berkas \u201c{name}\u201d tidak bisa dibaca ({error}).",
        "en": "The file \u201c{name}\u201d cannot be read ({error}).",
    },
    # Names of types, levels and link kinds
    "network.type.government": {"id": "Pemerintah daerah", "en": "Local government"},
    "network.type.police": {"id": "Polri", "en": "Police"},
    "network.type.military": {"id": "TNI", "en": "Military"},
    "network.type.election_body": {"id": "Penyelenggara pemilu", "en": "Election body"},
    "network.type.prosecution": {"id": "Kejaksaan", "en": "Prosecution"},
    "network.type.intelligence": {"id": "Intelijen", "en": "Intelligence"},
    "network.type.customary": {"id": "Adat", "en": "Customary"},
    "network.type.religious": {"id": "Keagamaan", "en": "Religious"},
    "network.type.forum": {"id": "Forum koordinasi", "en": "Coordination forum"},
    "network.type.posko": {"id": "Posko", "en": "Posko"},
    "network.type.civil_society": {"id": "Masyarakat sipil", "en": "Civil society"},
    "network.type.party": {"id": "Partai politik", "en": "Political party"},
    "network.type.media": {"id": "Media", "en": "Media"},
    "network.type.national": {"id": "Lembaga nasional", "en": "National body"},
    "network.level.national": {"id": "Nasional", "en": "National"},
    "network.level.province": {"id": "Provinsi", "en": "Province"},
    "network.level.regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "network.level.district": {"id": "Kecamatan", "en": "District"},
    "network.level.village": {"id": "Desa", "en": "Village"},
    "network.kind.command": {"id": "komando", "en": "command"},
    "network.kind.coordination": {"id": "koordinasi", "en": "coordination"},
    "network.kind.information": {"id": "informasi", "en": "information"},
    "network.kind.membership": {"id": "keanggotaan", "en": "membership"},
    # Chart labels
    "network.chart.name": {"id": "Lembaga", "en": "Institution"},
    "network.chart.role": {"id": "Peran", "en": "Role"},
    "network.chart.type": {"id": "Jenis lembaga", "en": "Type of institution"},
    "network.chart.link": {"id": "Jenis hubungan", "en": "Kind of link"},
    "network.chart.assumed": {"id": "Asumsi", "en": "Assumption"},
    "network.chart.yes": {"id": "ya", "en": "yes"},
    "network.chart.no": {"id": "tidak", "en": "no"},
    "network.chart.province_block": {"id": "Provinsi & nasional", "en": "Province & national"},
    "network.chart.province_block_named": {
        "id": "Provinsi {name} & nasional",
        "en": "{name} province & national",
    },
    "network.chart.channel": {"id": "Saluran", "en": "Channel"},
    "network.metric.degree": {"id": "Jumlah hubungan", "en": "Number of links"},
    "network.metric.betweenness": {"id": "Keperantaraan", "en": "Betweenness"},
    "network.metric.pagerank": {"id": "PageRank", "en": "PageRank"},
    "network.metric.broker": {
        "id": "Skor perantara keamanan\u2013sosial",
        "en": "Security\u2013social broker score",
    },
    "network.metric.in_degree": {"id": "Hubungan masuk", "en": "Incoming links"},
    "network.metric.out_degree": {"id": "Hubungan keluar", "en": "Outgoing links"},
    "network.metric.community": {"id": "Komunitas", "en": "Community"},
    "network.metric.hours_from_posko": {
        "id": "Jam dari Posko (asumsi)",
        "en": "Hours from the Posko (assumed)",
    },
}
