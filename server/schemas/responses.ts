/**
 * JSON schemas shared by several routes (validator, serializer and OpenAPI at once). The protocol's
 * messages, the error body among them, are defined once in shared/protocol/messages.ts.
 */
import { errorBodySchema } from '../../shared/protocol/messages';

export const errorSchema = errorBodySchema;

/** The usual refusals of a route, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorSchema]));
