/**
 * The one platform service main/domain uses: `crypto.randomUUID()` (Node 19+, Electron and every
 * browser have it). tsconfig.domain.json compiles the domain with the ES library only, no DOM and no
 * Node types, so this is declared for it here; the other programs get it from the DOM or Node.
 */
interface Crypto {
  randomUUID(): string;
}
declare var crypto: Crypto;
