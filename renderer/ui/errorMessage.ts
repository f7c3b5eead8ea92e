/**
 * Turns whatever a failed call threw into a sentence for the clerk. The core's own messages
 * (ApiError) are already written for the clerk; anything else is an unexpected fault in the screen.
 */
import { ApiError } from '../api/client';

export function messageForClerk(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong on this screen (${detail}). Your changes so far are kept; try again, or restart Minute Book.`;
}
