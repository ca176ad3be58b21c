/** Parsing `pokin` arguments. Pure: returns what was asked, or the usage error to print. */
import { tCli, type Lang, FIXABLE_RULES, type RuleId } from "../core";

export const COMMANDS = [
  "info",
  "periksa",
  "hitung",
  "pohon",
  "kertas-kerja",
  "proses",
  "perbaiki",
] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliOptions {
  output?: string;
  settings?: string;
  laporan?: string;
  lang?: Lang;
  json: boolean;
  replaceOverrides: boolean;
  /** perbaiki: only fixes of these rules (--aturan). */
  rules?: RuleId[];
  /** perbaiki: print the fixes, write nothing (--coba). */
  dryRun?: boolean;
  /** Column mappings to read the workbooks with (--peta FILE.json). */
  peta?: string;
  /** periksa: print the column mappings the reader used, as JSON (--tulis-peta). */
  writePeta?: boolean;
  /** pohon, proses: the tree without the checking marks, for presenting (--bersih). */
  cleanPrint?: boolean;
}

export type Parsed =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "run"; command: Command; files: string[]; options: CliOptions }
  | { kind: "usage-error"; message: string };

/** Options taking a value, by every spelling. */
const VALUE_OPTIONS: Record<string, "output" | "settings" | "laporan" | "lang" | "rules" | "peta"> =
  {
    "-o": "output",
    "--output": "output",
    "--settings": "settings",
    "--laporan": "laporan",
    "--lang": "lang",
    "--aturan": "rules",
    "--peta": "peta",
  };

/** Which options each command accepts (besides --lang, --settings, --help, --version). */
const ALLOWED: Record<Command, readonly string[]> = {
  info: [],
  periksa: ["json", "laporan", "writePeta"],
  hitung: ["output", "replaceOverrides"],
  pohon: ["output", "cleanPrint"],
  "kertas-kerja": ["output"],
  proses: ["output", "replaceOverrides", "cleanPrint"],
  perbaiki: ["output", "rules", "dryRun"],
};

/** The language asked for on the command line (--lang), if any, before full parsing. */
export function langArgument(argv: readonly string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === "id" || v === "en") return v;
  }
  return null;
}

/** Parse argv (without "node pokin"). Messages of usage errors are in `lang`. */
export function parseArgs(argv: readonly string[], lang: Lang): Parsed {
  const options: CliOptions = { json: false, replaceOverrides: false };
  const positional: string[] = [];
  const given = new Set<string>();
  let help = false;
  let version = false;
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (onlyPositional || arg === "-" || !arg.startsWith("-")) {
      positional.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositional = true;
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const valueOpt = VALUE_OPTIONS[name];
    if (valueOpt) {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined || value === "")
        return usage(tCli("cli.usage.missingValue", { option: name }, lang));
      if (valueOpt === "lang") {
        if (value !== "id" && value !== "en")
          return usage(tCli("cli.usage.badLang", { lang: value }, lang));
        options.lang = value;
      } else if (valueOpt === "rules") {
        const rules = parseRules(value, lang);
        if (typeof rules === "string") return usage(rules);
        options.rules = rules;
        given.add("rules");
      } else {
        options[valueOpt] = value;
        // --settings and --peta apply to every command; the others only to some.
        if (valueOpt !== "settings" && valueOpt !== "peta") given.add(valueOpt);
      }
      continue;
    }
    if (eq > 0) return usage(tCli("cli.usage.unknownOption", { option: arg }, lang));
    switch (arg) {
      case "-h":
      case "--help":
        help = true;
        break;
      case "-v":
      case "-V":
      case "--version":
        version = true;
        break;
      case "--json":
        options.json = true;
        given.add("json");
        break;
      case "--tulis-peta":
        options.writePeta = true;
        given.add("writePeta");
        break;
      case "--coba":
        options.dryRun = true;
        given.add("dryRun");
        break;
      case "--ganti-capaian":
        options.replaceOverrides = true;
        given.add("replaceOverrides");
        break;
      case "--bersih":
        options.cleanPrint = true;
        given.add("cleanPrint");
        break;
      default:
        return usage(tCli("cli.usage.unknownOption", { option: arg }, lang));
    }
  }
  if (help || positional[0] === "help") return { kind: "help" };
  if (version) return { kind: "version" };
  const [first, ...files] = positional;
  if (first === undefined) return { kind: "help" };
  if (!(COMMANDS as readonly string[]).includes(first))
    return usage(tCli("cli.usage.unknownCommand", { command: first }, lang));
  const command = first as Command;
  for (const g of given)
    if (!ALLOWED[command].includes(g))
      return usage(tCli("cli.usage.unknownOption", { option: spelling(g) }, lang));
  if (files.length === 0) return usage(tCli("cli.usage.missingFile", { command }, lang));
  if (command !== "periksa" && command !== "info" && files.length > 1)
    return usage(tCli("cli.usage.tooManyFiles", { command }, lang));
  if (ALLOWED[command].includes("output") && !options.output && !options.dryRun)
    return usage(tCli("cli.usage.missingOutput", { command }, lang));
  return { kind: "run", command, files, options };
}

/** "code-parent-mismatch,duplicate-code" → the rules, or the usage error naming a rule with no fix. */
function parseRules(value: string, lang: Lang): RuleId[] | string {
  const rules = value
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "");
  const bad = rules.find((r) => !(FIXABLE_RULES as readonly string[]).includes(r));
  if (bad === undefined) return rules as RuleId[];
  return tCli("fixes.cli.badRule", { rule: bad, rules: FIXABLE_RULES.join(", ") }, lang);
}

function usage(message: string): Parsed {
  return { kind: "usage-error", message };
}

function spelling(option: string): string {
  switch (option) {
    case "output":
      return "-o";
    case "replaceOverrides":
      return "--ganti-capaian";
    case "rules":
      return "--aturan";
    case "dryRun":
      return "--coba";
    case "writePeta":
      return "--tulis-peta";
    case "cleanPrint":
      return "--bersih";
    default:
      return `--${option}`;
  }
}
