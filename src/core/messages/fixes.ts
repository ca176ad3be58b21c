/** Strings of the fixes area (Perbaiki): one line per fix. Same keys in id and en. */
export const fixes = {
  id: {
    "fixes.code": "Kode {from} → {to} di {places}",
    "fixes.codeWithChildren":
      "Kode {from} → {to} di {places}, beserta {children} kondisi di bawahnya",
    "fixes.name": 'Nama kondisi {code} → "{name}" di {places}',
    "fixes.number": '{field} "{raw}" → angka {number}',
    "fixes.narrative":
      'Kalimat "tergambar dari indikator" kondisi {code} ditulis ulang dari tabel indikatornya ({count} indikator)',
    "fixes.polarity": 'Polaritas indikator "{indicator}" → {word}',
    "fixes.polarityColumn":
      'Polaritas indikator "{indicator}" → {word} (kolom Polaritas ditambahkan pada tabel)',
    "fixes.polarity.higher": "naik",
    "fixes.polarity.lower": "turun",
    "fixes.polarity.header": "Polaritas",
    "fixes.places.one": "1 tempat",
    "fixes.places.many": "{count} tempat",
    "fixes.cli.line": "  {cell} {rule}: {description}",
    "fixes.cli.none": "Tidak ada temuan yang dapat diperbaiki otomatis.",
    "fixes.cli.count": "{fixes} perbaikan, {cells} sel diubah.",
    "fixes.cli.dryRun": "Coba saja: tidak ada berkas yang ditulis.",
    "fixes.cli.remaining": "Masih ada {errors} kesalahan yang harus diperbaiki sendiri:",
    "fixes.cli.badRule": "Aturan tidak dapat diperbaiki otomatis: {rule} (pilih dari {rules}).",
  },
  en: {
    "fixes.code": "Code {from} → {to} in {places}",
    "fixes.codeWithChildren":
      "Code {from} → {to} in {places}, with the {children} conditions under it",
    "fixes.name": 'Name of condition {code} → "{name}" in {places}',
    "fixes.number": '{field} "{raw}" → the number {number}',
    "fixes.narrative":
      'The "tergambar dari indikator" line of condition {code} rewritten from its indicator table ({count} indicators)',
    "fixes.polarity": 'Polarity of indicator "{indicator}" → {word}',
    "fixes.polarityColumn":
      'Polarity of indicator "{indicator}" → {word} (a Polaritas column added to the table)',
    "fixes.polarity.higher": "naik (higher is better)",
    "fixes.polarity.lower": "turun (lower is better)",
    "fixes.polarity.header": "Polaritas",
    "fixes.places.one": "1 place",
    "fixes.places.many": "{count} places",
    "fixes.cli.line": "  {cell} {rule}: {description}",
    "fixes.cli.none": "No finding can be fixed automatically.",
    "fixes.cli.count": "{fixes} fixes, {cells} cells changed.",
    "fixes.cli.dryRun": "Dry run: no file was written.",
    "fixes.cli.remaining": "{errors} errors remain, to be fixed by hand:",
    "fixes.cli.badRule": "Rule cannot be fixed automatically: {rule} (choose from {rules}).",
  },
} as const;
