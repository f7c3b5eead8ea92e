/**
 * Files in the library that Minute Book could not read, listed with their first problem. The
 * files are never changed; the clerk (or whoever looks after the library) can see what to fix.
 */
import type { UnreadableMeetingFile } from '../../main/domain/meeting';

interface UnreadableFilesProps {
  /** Unique within the screen: the section is labelled by its heading. */
  headingId: string;
  heading: string;
  explanation: string;
  files: readonly UnreadableMeetingFile[];
}

export function UnreadableFiles({ headingId, heading, explanation, files }: UnreadableFilesProps) {
  if (files.length === 0) return null;
  return (
    <section className="unreadable" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p>{explanation}</p>
      <ul className="unreadable__list">
        {files.map((file) => (
          <li key={file.file}>
            <span className="unreadable__file">{file.file}</span>: {file.problem}
          </li>
        ))}
      </ul>
    </section>
  );
}
