/**
 * The published JSON Schema of a meeting file (docs/meeting.schema.json), generated from the
 * same zod schema the app validates with, so the two cannot drift apart.
 */
import { z } from 'zod';
import { Meeting, MEETING_VERSION } from './meeting';

export function meetingJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Meeting, { target: 'draft-2020-12' }),
    $id: `https://minutebook.example/schema/meeting-v${MEETING_VERSION}.json`,
    title: 'Minute Book meeting file',
    description:
      'One meeting in a Minute Book library: meetings/<yyyy>/<yyyy-mm-dd> <committee-slug>.json. Every entity has a stable id that never changes when its text changes or it moves.',
  };
}
