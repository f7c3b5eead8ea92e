/**
 * A question to the core that a screen or dialog asks when it opens, and again when what it
 * depends on changes (another meeting, say). An answer or failure that arrives after the screen
 * has closed, or after a newer question, is dropped, so it never lands on the wrong screen.
 */
import { useEffect, type DependencyList } from 'react';

/** `ask` may return undefined when there is nothing to ask (a meeting without a committee). `deps` as for useEffect. */
export function useCoreAnswer<T>(
  ask: () => Promise<T> | undefined,
  onAnswer: (answer: T) => void,
  onFailure: (error: unknown) => void,
  deps: DependencyList,
): void {
  useEffect(() => {
    let current = true;
    ask()?.then(
      (answer) => {
        if (current) onAnswer(answer);
      },
      (error: unknown) => {
        if (current) onFailure(error);
      },
    );
    return () => {
      current = false;
    };
    // The question and what is done with its answer are the render's own, as in useEffect; `deps` says when to ask again.
  }, deps);
}
