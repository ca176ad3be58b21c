/** Host failures as typed errors, each with a user message from the messages module. */
import { t, type Lang, type MessageKey } from "../../core";

export type HostErrorCode =
  | "protected"
  | "notGenerated"
  | "changed"
  | "missingSheet"
  | "payload"
  | "api"
  | "settings"
  | "badRef"
  | "unsupported"
  | "workbookProtected"
  | "writeRemoved"
  | "writeRestored"
  | "writeHalfDone"
  | "responseTooLarge"
  | "tooLarge";

/** A failure of Excel or of a pre-write check; nothing half-written is left behind by a check. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown }
  ) {
    super(t(`ui.error.${code}` as MessageKey, params, "en"), options);
    this.name = "HostError";
  }

  /** The message for the user, in their language. */
  userMessage(lang: Lang): string {
    return t(`ui.error.${this.code}` as MessageKey, this.params, lang);
  }
}

/** The message to show for any error: a HostError's own, or the unexpected-error text. */
export function errorMessage(e: unknown, lang: Lang): string {
  if (e instanceof HostError) return e.userMessage(lang);
  const detail = e instanceof Error ? e.message : String(e);
  return t("ui.error.unexpected", { detail }, lang);
}

/** Turn an Office.js error (OfficeExtension.Error has a string `code`) into a HostError. */
export function toHostError(e: unknown): unknown {
  if (e instanceof HostError) return e;
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code !== "string") return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (code === "RequestPayloadSizeLimitExceeded")
    return new HostError("payload", { detail }, { cause: e });
  if (code === "ResponsePayloadSizeLimitExceeded")
    return new HostError("responseTooLarge", { detail }, { cause: e });
  return new HostError("api", { code, detail }, { cause: e });
}

/** Excel.run with Office.js errors mapped to HostError (bugs keep their own type). */
export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toHostError(e);
  }
}
