/**
 * Validates pushed documents with the same JSON schemas the desk's database uses
 * (shared/schemas), plus the `_deleted` tombstone flag of the wire format.
 *
 * Threat: a document nested thousands of levels deep overflowed the stack of the recursive
 * checks and failed its whole batch with a 500. The depth is measured first, without recursion,
 * and any failure of the checks is that row's problem (docs/security.md "Cheap checks first").
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { COLLECTIONS, type CollectionName } from '../../../shared/schemas/index';
import { unstorableTextPath } from '../../../shared/text';

const ajv = new Ajv({ allErrors: false, strict: false });

const validators = new Map<CollectionName, ValidateFunction>(
  COLLECTIONS.map((spec) => {
    const { version: _v, primaryKey: _p, indexes: _i, title: _t, description: _d, ...schema } = spec.schema;
    return [
      spec.name,
      ajv.compile({
        ...schema,
        properties: { ...schema.properties, _deleted: { type: 'boolean' } },
        required: [...schema.required, '_deleted'],
      }),
    ];
  }),
);

/** Deepest nesting of objects and arrays in a document (the deepest schema has 4 levels). */
export const DOC_DEPTH_MAX = 16;

/** True when `value` nests objects/arrays deeper than `max`: an explicit stack, never recursion. */
export const nestedDeeperThan = (value: unknown, max: number): boolean => {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (next === null || typeof next !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(next)) if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
  }
  return false;
};

const check = (validate: ValidateFunction, doc: unknown): string | null => {
  if (nestedDeeperThan(doc, DOC_DEPTH_MAX)) return `nests deeper than ${DOC_DEPTH_MAX} levels`;
  const badText = unstorableTextPath(doc);
  if (badText) return `${badText} contains a NUL character or a broken (lone surrogate) character`;
  if (validate(doc)) return null;
  const first = validate.errors?.[0];
  return first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'invalid document';
};

/** null when valid, else a short human-readable reason. Never throws: a check that fails is the row's problem. */
export const docProblem = (collection: CollectionName, doc: unknown): string | null => {
  const validate = validators.get(collection);
  if (!validate) return `unknown collection ${collection}`;
  try {
    return check(validate, doc);
  } catch (error) {
    return `could not be checked (${error instanceof Error ? error.name : 'error'})`;
  }
};
