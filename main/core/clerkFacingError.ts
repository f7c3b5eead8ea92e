/** An error whose message is written for the clerk: what failed, which file, what to do. */
export class ClerkFacingError extends Error {
  constructor(
    message: string,
    readonly code: string = 'refused',
  ) {
    super(message);
    this.name = 'ClerkFacingError';
  }
}
