/**
 * The name of each check rule, as users read it (the pane, the Hasil Pemeriksaan sheet, the
 * command line's text output). The stable rule id stays in JSON. Same keys in id and en; the
 * `satisfies` makes a new rule id without a name a type error.
 */
import type { RuleId } from "../findings";

type RuleNames = Record<`rule.${RuleId}`, string>;

export const rules = {
  id: {
    "rule.missing-field": "Isian indikator kosong",
    "rule.no-indicator": "Kondisi tanpa indikator",
    "rule.duplicate-code": "Kode ganda",
    "rule.orphan": "Induk tidak ditemukan",
    "rule.code-parent-mismatch": "Kode tidak sesuai induk",
    "rule.numbering-gap": "Penomoran melompat",
    "rule.name-mismatch": "Nama kondisi berbeda",
    "rule.formula-type-mismatch": "Rumus tidak sesuai jenis indikator",
    "rule.narrative-mismatch": "Uraian tidak sesuai tabel indikator",
    "rule.duplicate-text": "Teks sama dengan indikator lain",
    "rule.invalid-number": "Bukan angka",
    "rule.missing-target": "Target belum diisi",
    "rule.achievement-uncomputable": "Capaian tidak dapat dihitung",
    "rule.manual-override": "Capaian diketik manual",
    "rule.polarity-assumed": "Polaritas dianggap naik",
    "rule.missing-outcome": "Outcome tidak ditemukan",
    "rule.no-section": "Kondisi tanpa uraian",
    "rule.level-naming": "Rumusan kondisi",
    "rule.skipped-content": "Isi yang tidak terbaca",
    "rule.fill-blocked": "Capaian tidak dapat diisi",
    "rule.sheet-protected": "Lembar diproteksi",
    "rule.duplicate-indicator": "Indikator ganda",
    "rule.parent-mismatch": "Induk berbeda antar tabel",
    "rule.codes-given": "Kode diberikan menurut urutan",
    "rule.measure-columns": "Kolom target dan realisasi yang dibaca",
    "rule.unplaced-table": "Tabel perlu dipetakan",
    "rule.mapping-outdated": "Peta kolom tidak sesuai lagi",
  } satisfies RuleNames,
  en: {
    "rule.missing-field": "Indicator field empty",
    "rule.no-indicator": "Condition without indicator",
    "rule.duplicate-code": "Duplicate code",
    "rule.orphan": "Parent not found",
    "rule.code-parent-mismatch": "Code does not match its parent",
    "rule.numbering-gap": "Numbering skips",
    "rule.name-mismatch": "Condition names differ",
    "rule.formula-type-mismatch": "Formula does not fit the indicator's kind",
    "rule.narrative-mismatch": "Narrative and indicator table disagree",
    "rule.duplicate-text": "Text same as another indicator's",
    "rule.invalid-number": "Not a number",
    "rule.missing-target": "Target not filled in",
    "rule.achievement-uncomputable": "Capaian cannot be computed",
    "rule.manual-override": "Capaian typed by hand",
    "rule.polarity-assumed": "Polarity assumed naik",
    "rule.missing-outcome": "Outcome not found",
    "rule.no-section": "Condition without section",
    "rule.level-naming": "Condition phrasing",
    "rule.skipped-content": "Content not read",
    "rule.fill-blocked": "Capaian could not be filled",
    "rule.sheet-protected": "Sheet protected",
    "rule.duplicate-indicator": "Duplicate indicator",
    "rule.parent-mismatch": "Parent differs between tables",
    "rule.codes-given": "Codes given by place",
    "rule.measure-columns": "Target and realisasi columns read",
    "rule.unplaced-table": "Table needs mapping",
    "rule.mapping-outdated": "Column mapping no longer fits",
  } satisfies RuleNames,
} as const;
