/**
 * The one platform service main/domain uses: `crypto.randomUUID()` (Node 19+, Electron and every
 * browser have it). tsconfig.domain.json compiles the domain with the ES library only, no DOM and no
 * Node types, so this is declared for it here; the other programs get it from the DOM or Node.
 */
interface Crypto {
  randomUUID(): string;
}
// eslint-disable-next-line no-var -- a global is declared with var, as TypeScript's own libraries do.
declare var crypto: Crypto;
