/** Small string helpers for writing and patching SpreadsheetML without a DOM. */

// eslint-disable-next-line no-control-regex -- control characters are among what it finds
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Characters XML 1.0 cannot carry; SpreadsheetML writes them as _xHHHH_. */
// eslint-disable-next-line no-control-regex -- these control characters are what it finds
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** A literal "_x0041_" in a text would be decoded by Excel; its "_" is escaped as _x005F_. */
const ESCAPE_LIKE = /_(x[0-9A-Fa-f]{4}_)/g;

/** Text content: &, <, > escaped; control characters as _xHHHH_. */
export function escapeText(s: string): string {
  // Most texts need nothing: one scan to tell.
  if (!s.includes("_x") && !NEEDS_ESCAPE.test(s)) return s;
  let out = s;
  if (out.includes("_x")) out = out.replace(ESCAPE_LIKE, "_x005F_$1");
  if (/[&<>]/.test(out))
    out = out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  INVALID_XML.lastIndex = 0;
  if (INVALID_XML.test(out))
    out = out.replace(
      INVALID_XML,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
  return out;
}

/** An attribute value (double-quoted): also quotes, apostrophes and line breaks escaped. */
export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/** Entities of an attribute value or text decoded (the five named ones and numeric ones). */
export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        );
    }
  });
}

/** Attributes of a start tag ("<c r="A1" s="2">") in document order, values decoded. */
export function parseAttrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  // Skip the element name itself.
  const start = tag.search(/\s/);
  if (start < 0) return out;
  re.lastIndex = start;
  while ((m = re.exec(tag)) !== null) out.set(m[1] as string, unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** Attributes written back as ` name="value"` pairs. */
export function attrsText(attrs: Map<string, string>): string {
  let s = "";
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return s;
}

/** One compiled pattern per attribute name (rows and cells are patched by the thousand). */
const ATTR_RE = new Map<string, RegExp>();

/** A start tag with one attribute set (added or replaced); `value` null removes it. */
export function setAttr(tag: string, name: string, value: string | null): string {
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    ATTR_RE.set(name, re);
  }
  const without = tag.replace(re, "");
  if (value === null) return without;
  const close = without.endsWith("/>") ? without.length - 2 : without.length - 1;
  return `${without.slice(0, close)} ${name}="${escapeAttr(value)}"${without.slice(close)}`;
}

/**
 * The top-level child elements of the element whose content starts at `from` (after its start
 * tag) and ends before `to`: [start, end) offsets and names. Only the outer level is returned.
 */
export function topLevelElements(
  xml: string,
  from: number,
  to: number
): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  let pos = from;
  while (pos < to) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= to) break;
    const next = xml[lt + 1];
    if (next === "?" || next === "!") {
      const end =
        next === "!" && xml.startsWith("<!--", lt)
          ? xml.indexOf("-->", lt) + 3
          : xml.indexOf(">", lt) + 1;
      pos = end;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    const nameMatch = /^<([\w.:-]+)/.exec(xml.slice(lt, Math.min(gt + 1, lt + 200)));
    const name = nameMatch?.[1] ?? "";
    if (xml[gt - 1] === "/") {
      out.push({ name, start: lt, end: gt + 1 });
      pos = gt + 1;
      continue;
    }
    // Find the matching end tag, counting nested elements of the same name.
    let depth = 1;
    let scan = gt + 1;
    const open = new RegExp(
      `<${name.replace(/[.:]/g, "\\$&")}(?=[\\s/>])|</${name.replace(/[.:]/g, "\\$&")}\\s*>`,
      "g"
    );
    let end = to;
    open.lastIndex = scan;
    let m: RegExpExecArray | null;
    while ((m = open.exec(xml)) !== null) {
      if (m[0].startsWith("</")) {
        depth--;
        if (depth === 0) {
          end = m.index + m[0].length;
          break;
        }
      } else {
        const tagEnd = xml.indexOf(">", m.index);
        if (xml[tagEnd - 1] !== "/") depth++;
      }
      scan = open.lastIndex;
    }
    out.push({ name, start: lt, end });
    pos = end;
  }
  return out;
}

/** The local part of a possibly prefixed element name ("x:row" → "row"). */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}
