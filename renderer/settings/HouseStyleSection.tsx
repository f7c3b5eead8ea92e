/**
 * The library's house style (library.json): how exported minutes look for every committee that
 * does not override it. Checked with the core's own schema before saving, so the clerk hears the
 * first problem in the schema's words; the core checks again and its answer is shown as it is.
 */
import { useId, useState, type FormEvent } from 'react';
import { shapeOfKind, type BodyKind, type MinutesShapeOverride } from '../../main/domain/bodies';
import { HouseStyle, type DateFormat, type TimeFormat } from '../../main/domain/houseStyle';
import type { ApiClient } from '../api/client';
import { useCoreAnswer } from '../api/useCoreAnswer';
import { messageForClerk } from '../ui/errorMessage';
import { FormOutcome } from '../ui/FormOutcome';
import { numberFrom } from '../ui/numberBox';
import { MinutesShapeFields } from '../houseStyle/MinutesShapeFields';
import { BodyKindField, DateFormatField, HouseStyleBox, MinuteNumberField, TimeFormatField, type HouseStyleBoxName } from '../houseStyle/HouseStyleFields';
import { houseStyleProblem } from '../houseStyle/houseStyleText';
import '../houseStyle/houseStyle.css';

interface HouseStyleSectionProps {
  api: ApiClient;
  onError: (error: unknown) => void;
}

/** The form as typed: numbers and paths as text until they are checked. */
interface HouseStyleDraft {
  organisation: string;
  fontFamily: string;
  bodySizePt: string;
  heading1SizePt: string;
  heading2SizePt: string;
  headingBold: boolean;
  headingCaps: boolean;
  headingColour: string;
  minuteNumberPattern: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  logoFile: string;
  logoAltText: string;
  logoWidthMm: string;
  template: string;
  bodyKind: BodyKind | undefined;
  shape: MinutesShapeOverride | undefined;
}

function draftOf(style: HouseStyle): HouseStyleDraft {
  return {
    organisation: style.organisation,
    fontFamily: style.fontFamily,
    bodySizePt: String(style.bodySizePt),
    heading1SizePt: String(style.heading1SizePt),
    heading2SizePt: String(style.heading2SizePt),
    headingBold: style.headingStyle.bold,
    headingCaps: style.headingStyle.allCaps,
    headingColour: style.headingStyle.colour,
    minuteNumberPattern: style.minuteNumberPattern,
    dateFormat: style.dateFormat,
    timeFormat: style.timeFormat,
    logoFile: style.logo?.file ?? '',
    logoAltText: style.logo?.altText ?? '',
    logoWidthMm: style.logo ? String(style.logo.widthMm) : '40',
    template: style.template ?? '',
    bodyKind: style.bodyKind,
    shape: style.shape,
  };
}

/** What the draft says as a house style, not yet checked. No logo file means no logo. */
function styleFrom(draft: HouseStyleDraft): unknown {
  return {
    organisation: draft.organisation,
    fontFamily: draft.fontFamily,
    bodySizePt: numberFrom(draft.bodySizePt),
    heading1SizePt: numberFrom(draft.heading1SizePt),
    heading2SizePt: numberFrom(draft.heading2SizePt),
    headingStyle: { bold: draft.headingBold, allCaps: draft.headingCaps, colour: draft.headingColour.trim().replace(/^#/, '') },
    minuteNumberPattern: draft.minuteNumberPattern,
    dateFormat: draft.dateFormat,
    timeFormat: draft.timeFormat,
    ...(draft.logoFile.trim() ? { logo: { file: draft.logoFile, altText: draft.logoAltText, widthMm: numberFrom(draft.logoWidthMm) } } : {}),
    ...(draft.template.trim() ? { template: draft.template } : {}),
    ...(draft.bodyKind ? { bodyKind: draft.bodyKind } : {}),
    ...(draft.shape ? { shape: draft.shape } : {}),
  };
}

/** Another kind of body has its own attendance groups: labels renamed for the old kind's are dropped. */
function withoutGroups(shape: MinutesShapeOverride | undefined): MinutesShapeOverride | undefined {
  if (!shape) return undefined;
  const { attendanceGroups: _dropped, ...rest } = shape;
  return Object.keys(rest).length === 0 ? undefined : rest;
}

type Outcome = { kind: 'saved' } | { kind: 'problem'; message: string } | undefined;

export function HouseStyleSection({ api, onError }: HouseStyleSectionProps) {
  const id = useId();
  const ids = { heading: `${id}-heading`, filesHint: `${id}-files-hint` };
  const [libraryPath, setLibraryPath] = useState('');
  const [draft, setDraft] = useState<HouseStyleDraft>();
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  useCoreAnswer(
    () => api.call('library.houseStyle.get', {}),
    (answer) => {
      setLibraryPath(answer.libraryPath);
      setDraft(draftOf(answer.houseStyle));
    },
    onError,
    [api, onError],
  );

  function update(change: Partial<HouseStyleDraft>): void {
    setDraft((current) => (current ? { ...current, ...change } : current));
    setOutcome(undefined);
  }

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (!draft) return;
    const parsed = HouseStyle.safeParse(styleFrom(draft));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setOutcome({ kind: 'problem', message: issue ? houseStyleProblem(issue) : 'This house style cannot be saved.' });
      return;
    }
    setSaving(true);
    try {
      const saved = await api.call('library.houseStyle.save', { houseStyle: parsed.data });
      setDraft(draftOf(saved.houseStyle));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'problem', message: messageForClerk(error) });
    } finally {
      setSaving(false);
    }
  }

  const colour = draft?.headingColour.trim().replace(/^#/, '') ?? '';
  const swatch = /^[0-9A-Fa-f]{6}$/.test(colour) ? `#${colour}` : 'transparent';
  const box = (name: HouseStyleBoxName & keyof HouseStyleDraft) => ({
    value: draft?.[name] ?? '',
    onText: (text: string) => update({ [name]: text }),
  });

  return (
    <section className="house-style" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>House style</h2>
      <p className="field__hint">
        How exported minutes look, for every committee in the library{libraryPath ? ` ${libraryPath}` : ''}. A committee can override parts of it on the
        Committees screen.
      </p>
      <form className="form form--narrow" onSubmit={(event) => void save(event)} noValidate aria-busy={!draft}>
        <HouseStyleBox name="organisation" autoComplete="organization" {...box('organisation')} />

        <fieldset className="house-style__group">
          <legend>Kind of body and the shape of its minutes</legend>
          <BodyKindField
            value={draft?.bodyKind ?? 'principal-council'}
            onChoose={(bodyKind) => bodyKind && update({ bodyKind, shape: withoutGroups(draft?.shape) })}
          />
          {draft ? (
            <MinutesShapeFields
              value={draft.shape}
              onChange={(shape) => update({ shape })}
              fallback={shapeOfKind(draft.bodyKind ?? 'principal-council')}
              fallbackWording="As usual for the kind of body"
              minuteNumberPattern={draft.minuteNumberPattern}
            />
          ) : null}
        </fieldset>

        <fieldset className="house-style__group">
          <legend>Text</legend>
          <div className="form__row">
            <HouseStyleBox name="fontFamily" {...box('fontFamily')} />
            <HouseStyleBox name="bodySizePt" {...box('bodySizePt')} />
          </div>
        </fieldset>

        <fieldset className="house-style__group">
          <legend>Headings</legend>
          <div className="form__row">
            <HouseStyleBox name="heading1SizePt" {...box('heading1SizePt')} />
            <HouseStyleBox name="heading2SizePt" {...box('heading2SizePt')} />
          </div>
          <label className="house-style__checkbox">
            <input type="checkbox" checked={draft?.headingBold ?? false} onChange={(event) => update({ headingBold: event.target.checked })} />
            Bold headings
          </label>
          <label className="house-style__checkbox">
            <input type="checkbox" checked={draft?.headingCaps ?? false} onChange={(event) => update({ headingCaps: event.target.checked })} />
            Headings in capitals
          </label>
          <HouseStyleBox
            name="headingColour"
            hint="Six hex digits, as Word shows them: 000000 is black, 1F3864 dark blue."
            beside={<span className="house-style__swatch" aria-hidden="true" style={{ background: swatch }} />}
            {...box('headingColour')}
          />
        </fieldset>

        <fieldset className="house-style__group">
          <legend>Numbers, dates and times</legend>
          <MinuteNumberField
            pattern={draft?.minuteNumberPattern}
            onText={(minuteNumberPattern) => update({ minuteNumberPattern })}
            hint={
              <>
                {'{n}'} is where the number goes; {'{yy}'} or {'{yyyy}'} the meeting’s year. For example {'“{n}”, “{n}.” or “PDS/{yy}/{n}”'}.
              </>
            }
          />
          <div className="form__row">
            <DateFormatField value={draft?.dateFormat ?? '8 November 2022'} onChoose={(dateFormat) => dateFormat && update({ dateFormat })} />
            <TimeFormatField value={draft?.timeFormat ?? '10.00 am'} onChoose={(timeFormat) => timeFormat && update({ timeFormat })} />
          </div>
        </fieldset>

        <fieldset className="house-style__group" aria-describedby={ids.filesHint}>
          <legend>Logo and Word template</legend>
          <p id={ids.filesHint} className="field__hint">
            Files kept inside the library folder, so every clerk’s copy finds them: type the path from the library folder, for example house-style/logo.png.
            Leave a box empty for none.
          </p>
          <HouseStyleBox name="logoFile" {...box('logoFile')} />
          <HouseStyleBox name="logoAltText" {...box('logoAltText')} />
          <HouseStyleBox name="logoWidthMm" {...box('logoWidthMm')} />
          <HouseStyleBox name="template" {...box('template')} />
        </fieldset>

        <FormOutcome problem={outcome?.kind === 'problem' ? outcome.message : undefined} saved={outcome?.kind === 'saved' ? 'House style saved.' : ''} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving || !draft}>
            Save house style
          </button>
        </div>
      </form>
    </section>
  );
}
