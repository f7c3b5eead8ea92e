/**
 * A listing read from the core when a screen opens (meetings, meetings kept only on this computer, committees), with a way to read it
 * again after a change. A failure goes to the screen's error banner; the listing stays as it was.
 */
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { OperationInput, OperationResult } from '../../main/domain/api';
import type { ApiClient } from './client';

type ListingOperation = 'meetings.list' | 'meetings.stranded.list' | 'committees.list';

export function useListing<N extends ListingOperation>(
  api: ApiClient,
  name: N,
  onError: (error: unknown) => void,
): [OperationResult<N> | undefined, () => Promise<void>, Dispatch<SetStateAction<OperationResult<N> | undefined>>] {
  const [listing, setListing] = useState<OperationResult<N>>();
  const reload = useCallback(async () => {
    try {
      // The listing operations take no input; the cast only tells TypeScript so for the generic name.
      setListing(await api.call(name, {} as OperationInput<N>));
    } catch (error) {
      onError(error);
    }
  }, [api, name, onError]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [listing, reload, setListing];
}
