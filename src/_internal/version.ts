/**
 * The library's version, as package.json states it (a test keeps the two equal). A constant rather than an import of
 * package.json: the unbundled ESM build keeps relative imports as paths, and `dist/` has no package.json beside it.
 */
export const LIBRARY_VERSION = "0.1.0";
