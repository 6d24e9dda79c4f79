/** The English resources' type: the Chinese resources' keys, each a string (a missing key fails typecheck). */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
