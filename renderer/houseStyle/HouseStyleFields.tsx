/**
 * The house style's form fields, one set for the library's House style section (Settings) and a
 * committee's override (Committees): a labelled box with its hint and live example, each box named
 * and limited once as the schema limits it, the minute number format with its example, and the
 * date and time format choices shown as examples.
 */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { BodyKind, DecisionLayout, ParagraphNumbering } from '../../main/domain/bodies';
import type { DateFormat, TimeFormat } from '../../main/domain/houseStyle';
import {
  actionReferenceExample,
  BODY_KIND_CHOICES,
  DATE_FORMAT_CHOICES,
  DECISION_LAYOUT_CHOICES,
  minuteNumberExample,
  PARAGRAPH_NUMBERING_CHOICES,
  TIME_FORMAT_CHOICES,
} from './houseStyleText';
import './houseStyle.css';

interface FieldProps {
  label: string;
  /** Under the label and read with the box: what to type, or what an empty box keeps. */
  hint?: ReactNode;
  /** Under the box and read with it: the live example ('' keeps its place, empty). */
  example?: string;
  /** A narrow box for a number. */
  narrow?: boolean;
  /** The box itself, given its id and what describes it. */
  children: (box: { id: string; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled field with its hint above the box and its example below, both read with the box. */
export function Field({ label, hint, example, narrow = false, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const exampleId = `${id}-example`;
  const describedBy = [hint === undefined ? '' : hintId, example === undefined ? '' : exampleId].filter(Boolean).join(' ');
  return (
    <div className={narrow ? 'field house-style__number' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy || undefined })}
      {example === undefined ? null : (
        <p id={exampleId} className="house-style__example">
          {example}
        </p>
      )}
    </div>
  );
}

type BoxLimits = Pick<InputHTMLAttributes<HTMLInputElement>, 'maxLength' | 'min' | 'max' | 'step' | 'spellCheck' | 'autoComplete'>;

interface BoxSpec extends BoxLimits {
  label: string;
  kind: 'text' | 'number' | 'path';
}

const TEXT = { kind: 'text', autoComplete: 'off' } as const;
const PATH = { kind: 'path', spellCheck: false, autoComplete: 'off' } as const;
const POINTS = { kind: 'number', min: 8, step: 0.5 } as const;

/** Each box of the house style: its name on screen and the schema's limits. */
const BOXES = {
  organisation: { ...TEXT, label: 'Organisation name', maxLength: 200 },
  fontFamily: { ...TEXT, label: 'Font', maxLength: 100 },
  bodySizePt: { ...POINTS, label: 'Text size (points)', max: 20 },
  heading1SizePt: { ...POINTS, label: 'Heading 1 size (points)', max: 36 },
  heading2SizePt: { ...POINTS, label: 'Heading 2 size (points)', max: 36 },
  headingColour: { ...PATH, label: 'Heading colour', maxLength: 7 },
  minuteNumberPattern: { ...PATH, label: 'Minute number format', maxLength: 40 },
  actionReferencePattern: { ...PATH, label: 'Action reference format', maxLength: 40 },
  logoFile: { ...PATH, label: 'Logo file (PNG or JPEG)', maxLength: 500 },
  logoAltText: { ...TEXT, label: 'Logo description (read aloud by screen readers)', maxLength: 250 },
  logoWidthMm: { kind: 'number', label: 'Logo width (mm)', min: 5, max: 180, step: 1 },
  template: { ...PATH, label: 'Word template (.docx or .dotx)', maxLength: 500 },
} satisfies Record<string, BoxSpec>;

export type HouseStyleBoxName = keyof typeof BOXES;

interface BoxProps {
  name: HouseStyleBoxName;
  value: string;
  onText: (text: string) => void;
  hint?: ReactNode;
  example?: string;
  invalid?: boolean;
  autoComplete?: string;
  /** Shown beside the box, not read (the heading colour's swatch). */
  beside?: ReactNode;
}

/** One box of the house style, as the schema limits it. */
export function HouseStyleBox({ name, value, onText, hint, example, invalid, autoComplete, beside }: BoxProps) {
  const { label, kind, ...limits }: BoxSpec = BOXES[name];
  return (
    <Field label={label} hint={hint} example={example} narrow={kind === 'number'}>
      {(box) => {
        const input = (
          <input
            {...box}
            className={kind === 'path' ? 'field__input field__input--path' : 'field__input'}
            type={kind === 'number' ? 'number' : 'text'}
            {...limits}
            {...(autoComplete === undefined ? {} : { autoComplete })}
            aria-invalid={invalid ? true : undefined}
            value={value}
            onChange={(event) => onText(event.target.value)}
          />
        );
        return beside === undefined ? (
          input
        ) : (
          <div className="house-style__colour-row">
            {input}
            {beside}
          </div>
        );
      }}
    </Field>
  );
}

interface MinuteNumberFieldProps {
  /** The format typed; undefined while there is none (a committee keeping the library's). */
  pattern: string | undefined;
  onText: (text: string) => void;
  hint?: ReactNode;
}

/** The minute number format with its live example ("Example: 63 → PDS/22/63"); a format without {n} is marked invalid. */
export function MinuteNumberField({ pattern, onText, hint }: MinuteNumberFieldProps) {
  const example = pattern === undefined ? undefined : minuteNumberExample(pattern);
  const shown = pattern === undefined ? '' : example ? `Example: ${example}` : 'Example: — (the format must hold {n})';
  return (
    <HouseStyleBox name="minuteNumberPattern" value={pattern ?? ''} onText={onText} hint={hint} example={shown} invalid={pattern !== undefined && !example} />
  );
}

interface ActionReferenceFieldProps extends MinuteNumberFieldProps {
  /** The minute number format in force, for the example's {m}. */
  minuteNumberPattern: string | undefined;
}

/** The action reference format with its live example ("Minute 63, its 2nd action … → 63/2"); a format without {i} or {seq} is marked invalid. */
export function ActionReferenceField({ pattern, onText, hint, minuteNumberPattern }: ActionReferenceFieldProps) {
  const example = pattern === undefined ? undefined : actionReferenceExample(pattern, minuteNumberPattern);
  const shown =
    pattern === undefined
      ? ''
      : example
        ? `Example: ${example}`
        : 'Example: — (the format must hold {i} or {seq}, and only {n}, {m}, {i}, {seq}, {yy}, {yyyy})';
  return (
    <HouseStyleBox
      name="actionReferencePattern"
      value={pattern ?? ''}
      onText={onText}
      hint={hint}
      example={shown}
      invalid={pattern !== undefined && !example}
    />
  );
}

interface Choice<T extends string> {
  value: T;
  label: string;
}

interface ChoiceFieldProps<T extends string> {
  value: T | undefined;
  onChoose: (value: T | undefined) => void;
  /**
   * A committee's override: a first choice "As the library (…)" keeps the library's setting, named
   * once it is read; `wording` says where else the setting comes from ("As usual for the kind of body").
   */
  asLibrary?: { value: T | undefined; wording?: string };
}

function ChoiceField<T extends string>({ label, choices, value, onChoose, asLibrary }: ChoiceFieldProps<T> & { label: string; choices: readonly Choice<T>[] }) {
  const libraryLabel = asLibrary && choices.find((choice) => choice.value === asLibrary.value)?.label;
  return (
    <Field label={label}>
      {({ id }) => (
        <select
          id={id}
          className="field__input"
          value={value ?? ''}
          onChange={(event) => onChoose(choices.find((choice) => choice.value === event.target.value)?.value)}
        >
          {asLibrary ? (
            <option value="">
              {asLibrary.wording ?? 'As the library'}
              {libraryLabel ? ` (${libraryLabel})` : ''}
            </option>
          ) : null}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The date format, each choice shown as the example date ("8 November 2022", "08/11/2022"). */
export function DateFormatField(props: ChoiceFieldProps<DateFormat>) {
  return <ChoiceField label="Date format" choices={DATE_FORMAT_CHOICES} {...props} />;
}

/** The time format, each choice shown as two example times ("10.00 am, 2.05 pm"). */
export function TimeFormatField(props: ChoiceFieldProps<TimeFormat>) {
  return <ChoiceField label="Time format" choices={TIME_FORMAT_CHOICES} {...props} />;
}

/** The kind of body, whose defaults shape the minutes: council, parish, school, NHS, other. */
export function BodyKindField(props: ChoiceFieldProps<BodyKind>) {
  return <ChoiceField label="Kind of body" choices={BODY_KIND_CHOICES} {...props} />;
}

/** Paragraph numbers within each minute: none, or 63.1, 63.2. */
export function ParagraphNumberingField(props: ChoiceFieldProps<ParagraphNumbering>) {
  return <ChoiceField label="Paragraph numbering" choices={PARAGRAPH_NUMBERING_CHOICES} {...props} />;
}

/** How a decision of several points is laid out. */
export function DecisionLayoutField(props: ChoiceFieldProps<DecisionLayout>) {
  return <ChoiceField label="Decisions of several points" choices={DECISION_LAYOUT_CHOICES} {...props} />;
}
