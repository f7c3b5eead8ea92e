/**
 * The library's committees: the list (with any committee files that could not be read), setting
 * up a new committee, and the editor for the one chosen.
 */
import { useId, useState, type FormEvent } from 'react';
import { shapeOfKind, type BodyKind } from '../../main/domain/bodies';
import { byCommitteeName, createCommittee, slugify, type Committee } from '../../main/domain/committee';
import type { ApiClient } from '../api/client';
import { useCoreAnswer } from '../api/useCoreAnswer';
import { useListing } from '../api/useListing';
import { BodyKindField } from '../houseStyle/HouseStyleFields';
import { Dialog } from '../ui/Dialog';
import { messageForClerk } from '../ui/errorMessage';
import { FormSubmitRow } from '../ui/FormSubmitRow';
import { UnreadableFiles } from '../ui/UnreadableFiles';
import { ActionLogExportDialog } from './ActionLogExportDialog';
import { CommitteeEditor } from './CommitteeEditor';
import './committees.css';

interface CommitteesScreenProps {
  api: ApiClient;
  onError: (error: unknown) => void;
}

export function CommitteesScreen({ api, onError }: CommitteesScreenProps) {
  const [listing, , setListing] = useListing(api, 'committees.list', onError);
  const [selectedSlug, setSelectedSlug] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [exportingLogOf, setExportingLogOf] = useState<Committee>();

  const committees = listing ? [...listing.committees].sort(byCommitteeName) : [];
  const selected = committees.find((committee) => committee.slug === selectedSlug);

  function remember(committee: Committee): void {
    setListing((current) =>
      current
        ? { ...current, committees: [...current.committees.filter((each) => each.slug !== committee.slug), committee] }
        : { committees: [committee], unreadable: [] },
    );
  }

  return (
    <div className="committees-screen">
      <div className="screen-heading">
        <h1 tabIndex={-1}>Committees</h1>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New committee
        </button>
      </div>
      <div className="committees-layout">
        <nav className="committees-layout__list" aria-label="Committees in the library">
          {!listing ? (
            <p>Reading the library…</p>
          ) : committees.length === 0 ? (
            <p className="committees-screen__empty">No committees yet. Choose “New committee” to set one up.</p>
          ) : (
            <ul className="committee-list">
              {committees.map((committee) => (
                <li key={committee.slug}>
                  <button
                    type="button"
                    className="committee-list__item"
                    aria-current={committee.slug === selectedSlug ? 'true' : undefined}
                    onClick={() => setSelectedSlug(committee.slug)}
                  >
                    {committee.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div className="committees-layout__editor">
          {selected ? (
            <>
              <div className="committee-tools">
                <button type="button" className="button" onClick={() => setExportingLogOf(selected)}>
                  Export action log…
                </button>
              </div>
              <CommitteeEditor key={selected.slug} api={api} committee={selected} onSaved={remember} />
            </>
          ) : listing && committees.length > 0 ? (
            <p className="item-pane__empty">Choose a committee to edit its details and roster.</p>
          ) : null}
        </div>
      </div>
      {listing ? (
        <UnreadableFiles
          headingId="unreadable-committees-heading"
          heading="Committee files that could not be read"
          explanation="These files are in the library’s committees folder but Minute Book cannot read them. They have not been changed."
          files={listing.unreadable}
        />
      ) : null}
      {exportingLogOf ? <ActionLogExportDialog api={api} committee={exportingLogOf} onClose={() => setExportingLogOf(undefined)} /> : null}
      {creating ? (
        <NewCommitteeDialog
          existing={committees}
          api={api}
          onCancel={() => setCreating(false)}
          onCreated={(committee) => {
            remember(committee);
            setSelectedSlug(committee.slug);
            setCreating(false);
          }}
        />
      ) : null}
    </div>
  );
}

interface NewCommitteeDialogProps {
  api: ApiClient;
  existing: readonly Committee[];
  onCreated: (committee: Committee) => void;
  onCancel: () => void;
}

function NewCommitteeDialog({ api, existing, onCreated, onCancel }: NewCommitteeDialogProps) {
  const nameId = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<BodyKind>();
  const [libraryKind, setLibraryKind] = useState<BodyKind>();

  // The library's kind of body, which a new committee follows unless another is chosen; unread, a council's.
  useCoreAnswer(
    () => api.call('library.houseStyle.get', {}),
    (answer) => setLibraryKind(answer.houseStyle.bodyKind ?? 'principal-council'),
    () => undefined,
    [api],
  );

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!name.trim()) {
      setProblem('The committee needs a name.');
      return;
    }
    const clash = existing.find((committee) => committee.slug === slugify(name));
    if (clash) {
      setProblem(`There is already a committee called “${clash.name}”. Choose it in the list, or give this one a different name.`);
      return;
    }
    setBusy(true);
    try {
      // Its standard opening items are its kind of body's.
      const shape = shapeOfKind(kind ?? libraryKind ?? 'principal-council');
      const committee = createCommittee(name, shape.standardItems, shape.remoteMembersCount);
      onCreated(await api.call('committees.save', { committee: kind ? { ...committee, houseStyle: { bodyKind: kind } } : committee }));
    } catch (error) {
      setProblem(messageForClerk(error));
      setBusy(false);
    }
  }

  return (
    <Dialog title="New committee" onCancel={onCancel}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={nameId}>
            Committee name
          </label>
          <input
            id={nameId}
            className="field__input"
            type="text"
            maxLength={200}
            autoComplete="off"
            data-autofocus
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <BodyKindField value={kind} asLibrary={{ value: libraryKind }} onChoose={setKind} />
        <FormSubmitRow problem={problem} submitLabel="Create committee" busy={busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
