/** Member passes (docs/domain-rules.md, docs/security.md): the compact signed text format and its offline judgement. */
export * from './base64url';
export * from './format';
export * from './status';
