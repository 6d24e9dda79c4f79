/** Types for electron-binary.mjs (used from the TypeScript E2E tests). */
export type ElectronBinary = { path: string; reason: null } | { path: null; reason: string };
export function electronBinary(): ElectronBinary;
