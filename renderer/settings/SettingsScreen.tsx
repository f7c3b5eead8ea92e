/**
 * This computer's settings: the clerk's name (recorded with their edits) and where the library
 * folder is; below them the library's house style for exported minutes. The core checks and
 * stores them; this screen shows its answer, including a refusal.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { useCoreAnswer } from '../api/useCoreAnswer';
import { messageForClerk } from '../ui/errorMessage';
import { FormOutcome } from '../ui/FormOutcome';
import { HouseStyleSection } from './HouseStyleSection';

interface SettingsScreenProps {
  api: ApiClient;
  onError: (error: unknown) => void;
}

type Outcome = { kind: 'saved' } | { kind: 'refused'; message: string } | undefined;

export function SettingsScreen({ api, onError }: SettingsScreenProps) {
  const nameId = useId();
  const libraryId = useId();
  const libraryHintId = useId();
  const [displayName, setDisplayName] = useState('');
  const [libraryPath, setLibraryPath] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [savedLibraryPath, setSavedLibraryPath] = useState('');

  useCoreAnswer(
    () => api.call('settings.get', {}),
    (settings) => {
      setDisplayName(settings.displayName);
      setLibraryPath(settings.libraryPath);
      setSavedLibraryPath(settings.libraryPath);
      setLoaded(true);
    },
    onError,
    [api, onError],
  );

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaving(true);
    setOutcome(undefined);
    try {
      const settings = await api.call('settings.update', { displayName, libraryPath });
      setDisplayName(settings.displayName);
      setLibraryPath(settings.libraryPath);
      setSavedLibraryPath(settings.libraryPath);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'refused', message: messageForClerk(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="settings-screen">
      <h1 tabIndex={-1}>Settings</h1>
      <form className="form form--narrow" onSubmit={(event) => void save(event)} aria-busy={!loaded}>
        <div className="field">
          <label className="field__label" htmlFor={nameId}>
            Your name
          </label>
          <input
            id={nameId}
            className="field__input"
            type="text"
            autoComplete="name"
            maxLength={100}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={libraryId}>
            Library folder
          </label>
          <p id={libraryHintId} className="field__hint">
            The folder that holds every meeting file. It can be on a shared drive, or a folder kept in step by OneDrive, Dropbox or Syncthing, so several clerks
            can work from the same library.
          </p>
          <input
            id={libraryId}
            className="field__input field__input--path"
            type="text"
            spellCheck={false}
            aria-describedby={libraryHintId}
            value={libraryPath}
            onChange={(event) => setLibraryPath(event.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving || !loaded}>
            Save settings
          </button>
        </div>
        <div className="form__outcome">
          <FormOutcome problem={outcome?.kind === 'refused' ? outcome.message : undefined} saved={outcome?.kind === 'saved' ? 'Settings saved.' : ''} />
        </div>
      </form>
      {/* Read again after the library folder changes: the house style belongs to the library. */}
      {savedLibraryPath ? <HouseStyleSection key={savedLibraryPath} api={api} onError={onError} /> : null}
    </div>
  );
}
