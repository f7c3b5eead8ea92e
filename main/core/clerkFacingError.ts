/** An error whose message is written for the clerk: what failed, which file, what to do. */
export class ClerkFacingError extends Error {
  constructor(
    message: string,
    readonly code: string = 'refused',
    /** With 'export-target-busy' and 'export-target-exists': a free file name beside the target, to offer the clerk. */
    readonly suggestedPath?: string,
  ) {
    super(message);
    this.name = 'ClerkFacingError';
  }
}
