/**
 * Validates pushed documents with the same JSON schemas the desk's database uses
 * (shared/schemas), plus the `_deleted` tombstone flag of the wire format.
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

/** null when valid, else a short human-readable reason. */
export const docProblem = (collection: CollectionName, doc: unknown): string | null => {
  const validate = validators.get(collection);
  if (!validate) return `unknown collection ${collection}`;
  const badText = unstorableTextPath(doc);
  if (badText) return `${badText} contains a NUL character or a broken (lone surrogate) character`;
  if (validate(doc)) return null;
  const first = validate.errors?.[0];
  return first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'invalid document';
};
