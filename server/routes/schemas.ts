/** JSON schemas shared by several routes: the error body and common fields (validator, serializer and OpenAPI at once). */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

/** The usual refusals of a route, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorSchema]));
