/**
 * The few platform globals `shared/` may use. They exist in browsers, workers and Node 20;
 * declared here because shared/ compiles without DOM or Node typings on purpose.
 */
declare global {
  interface Crypto {
    getRandomValues<T extends ArrayBufferView>(array: T): T;
  }
  var crypto: Crypto;
}
export {};
