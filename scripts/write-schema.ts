// Regenerates docs/meeting.schema.json from the meeting model: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { meetingJsonSchema } from '../main/domain/meetingSchema';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'meeting.schema.json'), JSON.stringify(meetingJsonSchema(), null, 2) + '\n');
