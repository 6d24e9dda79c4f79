/**
 * Checks a value against a protocol schema (messages.ts) and gives it back typed, or says what is
 * wrong with it. Interprets the schema (TypeBox `Value`), never compiles it: the desk's strict
 * CSP forbids `new Function`/eval, which TypeBox's TypeCompiler and ajv need.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The value is not the message it should be: a broken or foreign server, worth a retry later. */
export class ProtocolError extends Error {
  constructor(
    message: string,
    /** JSON pointer of the first problem ('' = the whole value). */
    readonly path: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/** Checks `value`; on failure the error names the first wrong field. */
export const check = <S extends TSchema>(schema: S, value: unknown): Parsed<Static<S>> => {
  if (Value.Check(schema, value)) return { ok: true, value };
  const first = Value.Errors(schema, value).First();
  const path = first?.path ?? '';
  return { ok: false, error: new ProtocolError(`${path || '/'} ${first?.message ?? 'does not match the protocol'}`, path) };
};

/** The value typed by `schema`, or a thrown ProtocolError. */
export const parse = <S extends TSchema>(schema: S, value: unknown): Static<S> => {
  const result = check(schema, value);
  if (!result.ok) throw result.error;
  return result.value;
};
