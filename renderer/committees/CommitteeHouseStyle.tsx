/**
 * A committee's own house style: where its minutes differ from the library's (another organisation
 * name for a joint panel, its own minute numbers "PDS/{yy}/{n}", another font or date format).
 * A box left empty, or "As the library", keeps the library's setting.
 */
import { useId } from 'react';
import { DateFormat, TimeFormat, type HouseStyle, type HouseStyleOverride } from '../../main/domain/houseStyle';
import { DATE_FORMAT_CHOICES, minuteNumberExample, TIME_FORMAT_CHOICES } from '../settings/houseStyleText';
import '../settings/houseStyle.css';

interface CommitteeHouseStyleProps {
  value: HouseStyleOverride | undefined;
  onChange: (value: HouseStyleOverride | undefined) => void;
  /** The library's style, to say what an empty box falls back to; undefined until read. */
  library: HouseStyle | undefined;
}

type TextField = 'organisation' | 'fontFamily' | 'minuteNumberPattern';

/** Sets or clears one override; an empty box clears it. */
function withField<K extends keyof HouseStyleOverride>(value: HouseStyleOverride, key: K, next: HouseStyleOverride[K] | undefined): HouseStyleOverride {
  const { [key]: _old, ...rest } = value;
  return next === undefined ? rest : { ...rest, [key]: next };
}

export function CommitteeHouseStyle({ value, onChange, library }: CommitteeHouseStyleProps) {
  const id = useId();
  const ids = {
    override: `${id}-override`,
    hint: `${id}-hint`,
    organisation: `${id}-organisation`,
    font: `${id}-font`,
    size: `${id}-size`,
    pattern: `${id}-pattern`,
    date: `${id}-date`,
    time: `${id}-time`,
  };
  const overriding = value !== undefined;
  const style = value ?? {};

  function setText(key: TextField, text: string): void {
    onChange(withField(style, key, text.trim() === '' ? undefined : text));
  }

  function libraryHint(field: string, shown: string | undefined): { id: string; text: string } | undefined {
    return shown === undefined ? undefined : { id: `${id}-${field}-library`, text: shown === '' ? 'The library has none.' : `The library’s: ${shown}` };
  }

  const hints = {
    organisation: libraryHint('organisation', library?.organisation),
    font: libraryHint('font', library?.fontFamily),
    size: libraryHint('size', library ? `${library.bodySizePt} points` : undefined),
    pattern: libraryHint('pattern', library ? `${library.minuteNumberPattern}${minuteNumberExample(library.minuteNumberPattern) ? ` (${minuteNumberExample(library.minuteNumberPattern)})` : ''}` : undefined),
  };
  const example = style.minuteNumberPattern ? minuteNumberExample(style.minuteNumberPattern) : undefined;
  const libraryDate = DATE_FORMAT_CHOICES.find((choice) => choice.value === library?.dateFormat)?.label;
  const libraryTime = TIME_FORMAT_CHOICES.find((choice) => choice.value === library?.timeFormat)?.label;

  return (
    <fieldset className="committee-editor__group">
      <legend>House style</legend>
      <label className="committee-editor__checkbox" htmlFor={ids.override}>
        <input id={ids.override} type="checkbox" aria-describedby={ids.hint} checked={overriding} onChange={(event) => onChange(event.target.checked ? {} : undefined)} />
        Override the library house style for this committee
      </label>
      <p id={ids.hint} className="field__hint">
        {overriding
          ? 'Leave a box empty, or choose “As the library”, to keep the library’s setting (Settings, House style).'
          : 'This committee’s minutes follow the library’s house style (Settings, House style).'}
      </p>
      {overriding ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={ids.organisation}>
              Organisation name
            </label>
            {hints.organisation ? <p id={hints.organisation.id} className="field__hint">{hints.organisation.text}</p> : null}
            <input
              id={ids.organisation}
              className="field__input"
              type="text"
              maxLength={200}
              autoComplete="off"
              aria-describedby={hints.organisation?.id}
              value={style.organisation ?? ''}
              onChange={(event) => setText('organisation', event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.pattern}>
              Minute number format
            </label>
            {hints.pattern ? <p id={hints.pattern.id} className="field__hint">{hints.pattern.text}</p> : null}
            <input
              id={ids.pattern}
              className="field__input field__input--path"
              type="text"
              maxLength={40}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={[hints.pattern?.id, `${ids.pattern}-example`].filter(Boolean).join(' ')}
              value={style.minuteNumberPattern ?? ''}
              onChange={(event) => setText('minuteNumberPattern', event.target.value)}
            />
            <p id={`${ids.pattern}-example`} className="house-style__example">
              {style.minuteNumberPattern === undefined ? '' : example ? `Example: ${example}` : 'Example: — (the format must hold {n})'}
            </p>
          </div>
          <div className="form__row">
            <div className="field">
              <label className="field__label" htmlFor={ids.date}>
                Date format
              </label>
              <select
                id={ids.date}
                className="field__input"
                value={style.dateFormat ?? ''}
                onChange={(event) => onChange(withField(style, 'dateFormat', event.target.value === '' ? undefined : DateFormat.parse(event.target.value)))}
              >
                <option value="">As the library{libraryDate ? ` (${libraryDate})` : ''}</option>
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
              <select
                id={ids.time}
                className="field__input"
                value={style.timeFormat ?? ''}
                onChange={(event) => onChange(withField(style, 'timeFormat', event.target.value === '' ? undefined : TimeFormat.parse(event.target.value)))}
              >
                <option value="">As the library{libraryTime ? ` (${libraryTime})` : ''}</option>
                {TIME_FORMAT_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form__row">
            <div className="field">
              <label className="field__label" htmlFor={ids.font}>
                Font
              </label>
              {hints.font ? <p id={hints.font.id} className="field__hint">{hints.font.text}</p> : null}
              <input
                id={ids.font}
                className="field__input"
                type="text"
                maxLength={100}
                autoComplete="off"
                aria-describedby={hints.font?.id}
                value={style.fontFamily ?? ''}
                onChange={(event) => setText('fontFamily', event.target.value)}
              />
            </div>
            <div className="field house-style__number">
              <label className="field__label" htmlFor={ids.size}>
                Text size (points)
              </label>
              {hints.size ? <p id={hints.size.id} className="field__hint">{hints.size.text}</p> : null}
              <input
                id={ids.size}
                className="field__input"
                type="number"
                min={8}
                max={20}
                step={0.5}
                aria-describedby={hints.size?.id}
                value={style.bodySizePt === undefined || Number.isNaN(style.bodySizePt) ? '' : String(style.bodySizePt)}
                onChange={(event) => onChange(withField(style, 'bodySizePt', event.target.value.trim() === '' ? undefined : Number(event.target.value)))}
              />
            </div>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
