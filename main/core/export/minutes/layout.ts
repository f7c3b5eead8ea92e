/**
 * What every part of the minutes' layout shares: the meeting and version being laid out, the
 * house style and the shape of the body's minutes, the style ids in use, the list instances and
 * paragraph numbers handed out, and the plain paragraphs (a sentence, a heading, lines of free
 * text) every part writes.
 */
import { AlignmentType, LevelFormat, Paragraph, type ILevelsOptions, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { MinutesVersion } from '../../../domain/api';
import type { MinutesShape } from '../../../domain/bodies';
import type { HouseStyle } from '../../../domain/houseStyle';
import type { Meeting } from '../../../domain/meeting';
import type { MinuteReferences } from '../../../domain/wording';
import { textRun } from '../wordText';
import type { StyleIds } from './styles';

/** What every part of the layout needs to know. */
export interface Layout {
  meeting: Meeting;
  version: MinutesVersion;
  house: HouseStyle;
  shape: MinutesShape;
  /** How the minutes refer to a minute: the shape and the house style's minute-number pattern. */
  references: MinuteReferences;
  ids: StyleIds;
  lists: ListInstances;
  paragraphNumbers: ParagraphNumbers;
}

/** Hands out list instances: each numbered list counts from 1, as the clerk saw it on screen. */
export class ListInstances {
  private next = 1;
  allocate(): number {
    return this.next++;
  }
}

/**
 * Paragraph numbers within each minute ("63.1", "63.2") as real Word numbering: one numbering
 * definition a minute, whose level text carries the minute's number, so Word shows them as list
 * numbers and they follow the minute numbers the agenda's order gives. Off unless the house style
 * numbers paragraphs.
 */
export class ParagraphNumbers {
  private readonly definitions = new Map<number, string>();
  private current: string | undefined;
  constructor(private readonly enabled: boolean) {}

  /** The paragraphs laid out from now on belong to this minute (undefined: a section, which numbers none). */
  enterMinute(minute: number | undefined): void {
    if (!this.enabled || minute === undefined) {
      this.current = undefined;
      return;
    }
    const reference = this.definitions.get(minute) ?? `minute-paragraphs-${minute}`;
    this.definitions.set(minute, reference);
    this.current = reference;
  }

  /** The numbering a paragraph of the current minute takes; none outside a minute or when paragraphs are not numbered. */
  numbering(): Pick<IParagraphOptions, 'numbering'> {
    return this.current ? { numbering: { reference: this.current, level: 0 } } : {};
  }

  /** The numbering definitions the document needs, one a minute. */
  config(): Array<{ reference: string; levels: ILevelsOptions[] }> {
    return [...this.definitions].map(([minute, reference]) => ({
      reference,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: `${minute}.%1`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 851, hanging: 851 } } },
        },
      ],
    }));
  }
}

export function sentence(text: string): Paragraph {
  return new Paragraph({ children: [textRun(text)] });
}

/** A paragraph of a minute: numbered in sequence with the minute's others when the house style numbers paragraphs. */
export function minuteParagraph(layout: Layout, children: ParagraphChild[], options: Omit<IParagraphOptions, 'children' | 'numbering'> = {}): Paragraph {
  return new Paragraph({ ...options, ...layout.paragraphNumbers.numbering(), children });
}

export function minuteSentence(layout: Layout, text: string): Paragraph {
  return minuteParagraph(layout, [textRun(text)]);
}

/** A heading stays with what follows it; a heading with nothing under it must not drag the next item onto a new page. */
export function heading(text: string, style: string, keepNext = true): Paragraph {
  return new Paragraph({ style, keepNext, children: [textRun(text)] });
}

/** Non-empty lines of free text (a public summary), one paragraph each: no empty paragraphs. */
export function textParagraphs(text: string, layout?: Layout): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (layout ? minuteSentence(layout, line) : sentence(line)));
}
