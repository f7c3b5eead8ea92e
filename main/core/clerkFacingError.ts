/** An error whose message is written for the clerk: what failed, which file, what to do. */
export class ClerkFacingError extends Error {
  constructor(
    message: string,
    readonly code: string = 'refused',
    /** With 'export-target-busy': a free file name beside the busy one, to offer the clerk. */
    readonly suggestedPath?: string,
  ) {
    super(message);
    this.name = 'ClerkFacingError';
  }
}
