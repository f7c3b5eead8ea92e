/**
 * A committee's own house style: where its minutes differ from the library's (another organisation
 * name for a joint panel, its own minute numbers "PDS/{yy}/{n}", another font or date format),
 * its own kind of body and shape of minutes (paragraph numbering, decisions, action references,
 * attendance group labels). A box left empty, or "As the library", keeps the library's setting.
 */
import { useId } from 'react';
import { minutesShapeOf, type HouseStyle, type HouseStyleOverride } from '../../main/domain/houseStyle';
import { MinutesShapeFields } from '../houseStyle/MinutesShapeFields';
import { BodyKindField, DateFormatField, HouseStyleBox, MinuteNumberField, TimeFormatField } from '../houseStyle/HouseStyleFields';
import { libraryHint, minuteNumberExample } from '../houseStyle/houseStyleText';

interface CommitteeHouseStyleProps {
  value: HouseStyleOverride | undefined;
  onChange: (value: HouseStyleOverride | undefined) => void;
  /** The library's style, to say what an empty box falls back to; undefined until read. */
  library: HouseStyle | undefined;
}

type TextField = 'organisation' | 'fontFamily';

/** What a box says: an empty box keeps the library's setting. */
function typed(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** Sets or clears one override; an empty box clears it. */
function withField<K extends keyof HouseStyleOverride>(value: HouseStyleOverride, key: K, next: HouseStyleOverride[K] | undefined): HouseStyleOverride {
  const { [key]: _old, ...rest } = value;
  return next === undefined ? rest : { ...rest, [key]: next };
}

export function CommitteeHouseStyle({ value, onChange, library }: CommitteeHouseStyleProps) {
  const id = useId();
  const ids = { override: `${id}-override`, hint: `${id}-hint` };
  const overriding = value !== undefined;
  const style = value ?? {};

  function set<K extends keyof HouseStyleOverride>(key: K, next: HouseStyleOverride[K] | undefined): void {
    onChange(withField(style, key, next));
  }

  const textBox = (key: TextField, shown: string | undefined) => ({
    value: style[key] ?? '',
    onText: (text: string) => set(key, typed(text)),
    hint: libraryHint(shown),
  });
  const libraryPattern = library ? minuteNumberExample(library.minuteNumberPattern) : undefined;

  return (
    <fieldset className="committee-editor__group">
      <legend>House style</legend>
      <label className="committee-editor__checkbox" htmlFor={ids.override}>
        <input
          id={ids.override}
          type="checkbox"
          aria-describedby={ids.hint}
          checked={overriding}
          onChange={(event) => onChange(event.target.checked ? {} : undefined)}
        />
        Override the library house style for this committee
      </label>
      <p id={ids.hint} className="field__hint">
        {overriding
          ? 'Leave a box empty, or choose “As the library”, to keep the library’s setting (Settings, House style).'
          : 'This committee’s minutes follow the library’s house style (Settings, House style).'}
      </p>
      {overriding ? (
        <>
          <HouseStyleBox name="organisation" {...textBox('organisation', library?.organisation)} />
          <BodyKindField
            value={style.bodyKind}
            asLibrary={{ value: library ? (library.bodyKind ?? 'principal-council') : undefined }}
            onChoose={(bodyKind) => {
              // Another kind of body has its own attendance groups: labels renamed for the old kind's are dropped.
              const { attendanceGroups: _dropped, ...shape } = style.shape ?? {};
              onChange(withField(withField(style, 'shape', Object.keys(shape).length ? shape : undefined), 'bodyKind', bodyKind));
            }}
          />
          <MinutesShapeFields
            value={style.shape}
            onChange={(shape) => set('shape', shape)}
            fallback={minutesShapeOf({ bodyKind: style.bodyKind ?? library?.bodyKind, shape: library?.shape })}
            fallbackWording="As the library"
            minuteNumberPattern={style.minuteNumberPattern ?? library?.minuteNumberPattern}
          />
          <MinuteNumberField
            pattern={style.minuteNumberPattern}
            onText={(text) => set('minuteNumberPattern', typed(text))}
            hint={libraryHint(library ? `${library.minuteNumberPattern}${libraryPattern ? ` (${libraryPattern})` : ''}` : undefined)}
          />
          <div className="form__row">
            <DateFormatField value={style.dateFormat} asLibrary={{ value: library?.dateFormat }} onChoose={(dateFormat) => set('dateFormat', dateFormat)} />
            <TimeFormatField value={style.timeFormat} asLibrary={{ value: library?.timeFormat }} onChoose={(timeFormat) => set('timeFormat', timeFormat)} />
          </div>
          <div className="form__row">
            <HouseStyleBox name="fontFamily" {...textBox('fontFamily', library?.fontFamily)} />
            <HouseStyleBox
              name="bodySizePt"
              hint={libraryHint(library ? `${library.bodySizePt} points` : undefined)}
              value={style.bodySizePt === undefined || Number.isNaN(style.bodySizePt) ? '' : String(style.bodySizePt)}
              onText={(text) => set('bodySizePt', text.trim() === '' ? undefined : Number(text))}
            />
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
