/**
 * The library's house style (library.json): how exported minutes look for every committee that
 * does not override it. Checked with the core's own schema before saving, so the clerk hears the
 * first problem in the schema's words; the core checks again and its answer is shown as it is.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DateFormat, HouseStyle, TimeFormat } from '../../main/domain/houseStyle';
import type { ApiClient } from '../api/client';
import { messageForClerk } from '../app/errorMessage';
import { DATE_FORMAT_CHOICES, houseStyleProblem, minuteNumberExample, TIME_FORMAT_CHOICES } from './houseStyleText';
import './houseStyle.css';

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
  };
}

/** A number box's value: NaN while it is empty, so the schema reports it. */
function numberFrom(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
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
  };
}

type Outcome = { kind: 'saved' } | { kind: 'problem'; message: string } | undefined;

export function HouseStyleSection({ api, onError }: HouseStyleSectionProps) {
  const id = useId();
  const ids = {
    heading: `${id}-heading`,
    organisation: `${id}-organisation`,
    font: `${id}-font`,
    body: `${id}-body`,
    heading1: `${id}-heading1`,
    heading2: `${id}-heading2`,
    colour: `${id}-colour`,
    colourHint: `${id}-colour-hint`,
    pattern: `${id}-pattern`,
    patternHint: `${id}-pattern-hint`,
    patternExample: `${id}-pattern-example`,
    date: `${id}-date`,
    time: `${id}-time`,
    filesHint: `${id}-files-hint`,
    logoFile: `${id}-logo-file`,
    logoAlt: `${id}-logo-alt`,
    logoWidth: `${id}-logo-width`,
    template: `${id}-template`,
  };
  const [libraryPath, setLibraryPath] = useState('');
  const [draft, setDraft] = useState<HouseStyleDraft>();
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    let current = true;
    api.call('library.houseStyle.get', {}).then(
      (answer) => {
        if (!current) return;
        setLibraryPath(answer.libraryPath);
        setDraft(draftOf(answer.houseStyle));
      },
      (error: unknown) => {
        if (current) onError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [api, onError]);

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

  const example = draft ? minuteNumberExample(draft.minuteNumberPattern) : undefined;
  const colour = draft?.headingColour.trim().replace(/^#/, '') ?? '';
  const swatch = /^[0-9A-Fa-f]{6}$/.test(colour) ? `#${colour}` : 'transparent';
  const text = (name: keyof HouseStyleDraft) => ({
    value: draft ? String(draft[name]) : '',
    onChange: (event: { target: { value: string } }) => update({ [name]: event.target.value }),
  });

  return (
    <section className="house-style" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>House style</h2>
      <p className="field__hint">
        How exported minutes look, for every committee in the library{libraryPath ? ` ${libraryPath}` : ''}. A committee can override parts of it on the
        Committees screen.
      </p>
      <form className="form form--narrow" onSubmit={(event) => void save(event)} noValidate aria-busy={!draft}>
        <div className="field">
          <label className="field__label" htmlFor={ids.organisation}>
            Organisation name
          </label>
          <input id={ids.organisation} className="field__input" type="text" maxLength={200} autoComplete="organization" {...text('organisation')} />
        </div>

        <fieldset className="house-style__group">
          <legend>Text</legend>
          <div className="form__row">
            <div className="field">
              <label className="field__label" htmlFor={ids.font}>
                Font
              </label>
              <input id={ids.font} className="field__input" type="text" maxLength={100} autoComplete="off" {...text('fontFamily')} />
            </div>
            <div className="field house-style__number">
              <label className="field__label" htmlFor={ids.body}>
                Text size (points)
              </label>
              <input id={ids.body} className="field__input" type="number" min={8} max={20} step={0.5} {...text('bodySizePt')} />
            </div>
          </div>
        </fieldset>

        <fieldset className="house-style__group">
          <legend>Headings</legend>
          <div className="form__row">
            <div className="field house-style__number">
              <label className="field__label" htmlFor={ids.heading1}>
                Heading 1 size (points)
              </label>
              <input id={ids.heading1} className="field__input" type="number" min={8} max={36} step={0.5} {...text('heading1SizePt')} />
            </div>
            <div className="field house-style__number">
              <label className="field__label" htmlFor={ids.heading2}>
                Heading 2 size (points)
              </label>
              <input id={ids.heading2} className="field__input" type="number" min={8} max={36} step={0.5} {...text('heading2SizePt')} />
            </div>
          </div>
          <label className="house-style__checkbox">
            <input type="checkbox" checked={draft?.headingBold ?? false} onChange={(event) => update({ headingBold: event.target.checked })} />
            Bold headings
          </label>
          <label className="house-style__checkbox">
            <input type="checkbox" checked={draft?.headingCaps ?? false} onChange={(event) => update({ headingCaps: event.target.checked })} />
            Headings in capitals
          </label>
          <div className="field house-style__colour">
            <label className="field__label" htmlFor={ids.colour}>
              Heading colour
            </label>
            <p id={ids.colourHint} className="field__hint">
              Six hex digits, as Word shows them: 000000 is black, 1F3864 dark blue.
            </p>
            <div className="house-style__colour-row">
              <input id={ids.colour} className="field__input field__input--path" type="text" maxLength={7} spellCheck={false} autoComplete="off" aria-describedby={ids.colourHint} {...text('headingColour')} />
              <span className="house-style__swatch" aria-hidden="true" style={{ background: swatch }} />
            </div>
          </div>
        </fieldset>

        <fieldset className="house-style__group">
          <legend>Numbers, dates and times</legend>
          <div className="field">
            <label className="field__label" htmlFor={ids.pattern}>
              Minute number format
            </label>
            <p id={ids.patternHint} className="field__hint">
              {'{n}'} is where the number goes; {'{yy}'} or {'{yyyy}'} the meeting’s year. For example {'“{n}”, “{n}.” or “PDS/{yy}/{n}”'}.
            </p>
            <input
              id={ids.pattern}
              className="field__input field__input--path"
              type="text"
              maxLength={40}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${ids.patternHint} ${ids.patternExample}`}
              aria-invalid={draft && !example ? true : undefined}
              {...text('minuteNumberPattern')}
            />
            <p id={ids.patternExample} className="house-style__example">
              {example ? `Example: ${example}` : 'Example: — (the format must hold {n})'}
            </p>
          </div>
          <div className="form__row">
            <div className="field">
              <label className="field__label" htmlFor={ids.date}>
                Date format
              </label>
              <select id={ids.date} className="field__input" value={draft?.dateFormat ?? '8 November 2022'} onChange={(event) => update({ dateFormat: DateFormat.parse(event.target.value) })}>
                {DATE_FORMAT_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={ids.time}>
                Time format
              </label>
              <select id={ids.time} className="field__input" value={draft?.timeFormat ?? '10.00 am'} onChange={(event) => update({ timeFormat: TimeFormat.parse(event.target.value) })}>
                {TIME_FORMAT_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>

        <fieldset className="house-style__group" aria-describedby={ids.filesHint}>
          <legend>Logo and Word template</legend>
          <p id={ids.filesHint} className="field__hint">
            Files kept inside the library folder, so every clerk’s copy finds them: type the path from the library folder, for example
            house-style/logo.png. Leave a box empty for none.
          </p>
          <div className="field">
            <label className="field__label" htmlFor={ids.logoFile}>
              Logo file (PNG or JPEG)
            </label>
            <input id={ids.logoFile} className="field__input field__input--path" type="text" maxLength={500} spellCheck={false} autoComplete="off" {...text('logoFile')} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.logoAlt}>
              Logo description (read aloud by screen readers)
            </label>
            <input id={ids.logoAlt} className="field__input" type="text" maxLength={250} autoComplete="off" {...text('logoAltText')} />
          </div>
          <div className="field house-style__number">
            <label className="field__label" htmlFor={ids.logoWidth}>
              Logo width (mm)
            </label>
            <input id={ids.logoWidth} className="field__input" type="number" min={5} max={180} step={1} {...text('logoWidthMm')} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.template}>
              Word template (.docx or .dotx)
            </label>
            <input id={ids.template} className="field__input field__input--path" type="text" maxLength={500} spellCheck={false} autoComplete="off" {...text('template')} />
          </div>
        </fieldset>

        {outcome?.kind === 'problem' ? (
          <p role="alert" className="form__problem">
            {outcome.message}
          </p>
        ) : null}
        <p role="status" className="form__saved">
          {outcome?.kind === 'saved' ? 'House style saved.' : ''}
        </p>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving || !draft}>
            Save house style
          </button>
        </div>
      </form>
    </section>
  );
}
