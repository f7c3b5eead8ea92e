/**
 * What every part of the minutes' layout shares: the meeting and version being laid out, the
 * house style, the style ids in use and the list instances handed out, and the plain paragraphs
 * (a sentence, a heading, lines of free text) every part writes.
 */
import { Paragraph } from 'docx';
import type { MinutesVersion } from '../../../domain/api';
import type { HouseStyle } from '../../../domain/houseStyle';
import type { Meeting } from '../../../domain/meeting';
import { textRun } from '../wordText';
import type { StyleIds } from './styles';

/** What every part of the layout needs to know. */
export interface Layout {
  meeting: Meeting;
  version: MinutesVersion;
  house: HouseStyle;
  ids: StyleIds;
  lists: ListInstances;
}

/** Hands out list instances: each numbered list counts from 1, as the clerk saw it on screen. */
export class ListInstances {
  private next = 1;
  allocate(): number {
    return this.next++;
  }
}

export function sentence(text: string): Paragraph {
  return new Paragraph({ children: [textRun(text)] });
}

/** A heading stays with what follows it; a heading with nothing under it must not drag the next item onto a new page. */
export function heading(text: string, style: string, keepNext = true): Paragraph {
  return new Paragraph({ style, keepNext, children: [textRun(text)] });
}

/** Non-empty lines of free text (a public summary), one paragraph each: no empty paragraphs. */
export function textParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(sentence);
}
