// A bridge answer as the transports forward it: the envelope already written as JSON bytes, with its
// status beside it. The backend (in its worker) writes the JSON, so the main process passes a workbook's
// 100,000 rows on to the window without reading or copying them into objects.
import type { BridgeEnvelope } from '../../shared/contracts/dispatch.ts';

export interface EncodedAnswer {
  ok: boolean;
  /** The error code when not ok (see BridgeErrorCode), for the HTTP status of the loopback answer. */
  code: string | null;
  /** The envelope, { ok, value } or { ok, error }, as UTF-8 JSON. */
  json: Uint8Array;
}

export function encodeEnvelope(envelope: BridgeEnvelope): EncodedAnswer {
  const json = Buffer.from(JSON.stringify(envelope), 'utf8');
  return { ok: envelope.ok, code: envelope.ok ? null : envelope.error.code, json: new Uint8Array(json.buffer, json.byteOffset, json.byteLength) };
}

export function failure(code: 'bad-request' | 'transport', message: string): EncodedAnswer {
  return encodeEnvelope({ ok: false, error: { code: code as 'bad-request', message } });
}

/** The arguments of a loopback request body, {"args": [...]}, or the answer that says what is wrong. */
export function argsFromJsonBody(method: string, body: Uint8Array): { args: unknown } | { answer: EncodedAnswer } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    return { answer: failure('bad-request', `${method}: the request body is not valid JSON.`) };
  }
  if (typeof parsed !== 'object' || parsed === null || !('args' in parsed)) {
    return { answer: failure('bad-request', `${method}: the request body must be an object with an "args" array.`) };
  }
  return { args: (parsed as { args: unknown }).args };
}
