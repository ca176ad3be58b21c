/** Numbers as people type them in Indonesia. (Stub: implemented by the reader work.) */
import type { CellValue } from "./grid";

export interface ParsedNumber {
  value: number | null;
  /** False when the cell holds text that is not a number ("-", "belum ada data"). Blank is readable. */
  readable: boolean;
  /** A unit typed with the number ("5 Dokumen" → "Dokumen", "12 %" → "%"), or null. */
  unit: string | null;
}

/** Read "85,5", "1.250", "12 %", "16,5%", "5 Dokumen" and real numbers. */
export function parseNumber(_v: CellValue): ParsedNumber {
  throw new Error("parseNumber: not implemented yet");
}
