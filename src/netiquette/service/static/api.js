// Talking to the service: POST /v1/check, with the bearer token when one is kept.
//
// The token (asked for after a 401) lives in sessionStorage: it is gone when the tab
// closes and is never written into the page.

const TOKEN_KEY = "netiquette.token";

/** An answer the service refused: its HTTP status, error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || "";
  } catch (_) {
    return "";
  }
}

export function setToken(value) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (_) {
    // storage disabled: the token is not kept
  }
}

/**
 * Check `text`; resolves to the report (docs/report.schema.json).
 * `options`: lang ("auto" | "en" | "tr"), message_lang ("en" | "tr").
 * `signal` aborts a request that a newer one has replaced.
 * Rejects with an ApiError (status 0 when the service could not be reached).
 */
export async function check(text, options, signal) {
  const headers = { "Content-Type": "application/json" };
  const kept = token();
  if (kept) headers.Authorization = `Bearer ${kept}`;
  let answer;
  try {
    answer = await fetch("v1/check", {
      method: "POST",
      headers,
      body: JSON.stringify({ text, lang: options.lang, message_lang: options.message_lang }),
      signal,
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "network", String(error.message || error));
  }
  let body = null;
  try {
    body = await answer.json();
  } catch (_) {
    // not JSON (a proxy's error page): reported by status below
  }
  if (!answer.ok) {
    const message = body && typeof body.message === "string" ? body.message : answer.statusText;
    throw new ApiError(answer.status, (body && body.error) || "http_error", message);
  }
  return body;
}
