/** What the house-style tests (tests/core/houseStyle, houseStyleFiles) share: library settings with a house style of their own, and how a refusal is caught. */
import { createLibrarySettings, type HouseStyle, type LibrarySettings } from '../../main/domain/houseStyle';

/** The default library settings with `houseStyle` over the default house style. */
export function settingsWith(houseStyle: Partial<HouseStyle>): LibrarySettings {
  const settings = createLibrarySettings();
  return { ...settings, houseStyle: { ...settings.houseStyle, ...houseStyle } };
}

/** The error `promise` is refused with; fails if it is fulfilled or refused with something else. */
export async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Error)) throw new Error('expected the promise to be refused');
  return error;
}
