/** Other tools read our files through the published JSON Schema; it must match what the app writes. */
import { MEETING_VERSION } from '../../main/domain/meeting';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingJsonSchema } from '../../main/domain/meetingSchema';

describe('the published meeting file schema', () => {
  it('is up to date with the meeting model (regenerate with npm run schema)', () => {
    const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'meeting.schema.json'), 'utf8'));
    expect(published).toEqual(meetingJsonSchema());
  });

  it('requires the format marker, the version and stable ids', () => {
    const schema = meetingJsonSchema() as { required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'id', 'agenda', 'conflicts']));
    expect(schema.properties.format?.const).toBe('minutebook.meeting');
    expect(schema.properties.version?.const).toBe(MEETING_VERSION);
  });
});
