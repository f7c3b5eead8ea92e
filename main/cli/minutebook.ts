/**
 * The `minutebook` command: exporting minutes and action logs from a library folder under plain
 * Node, with the same core code the app uses. Errors are one line on standard error; the exit
 * status is 0 when done, 1 when something failed, 2 for wrong usage.
 */
import { basename, dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { CommitteeSlug } from '../domain/committee';
import { ClerkFacingError } from '../core/clerkFacingError';
import { actionLogCsv, actionLogFile, collectActionLog } from '../core/export/actionLog';
import { commandLineTarget, defaultActionLogFileName, defaultExportFileName } from '../core/export/destination';
import { exportMeetingMinutes } from '../core/export/exportMinutes';
import { ExportTargetBusy, ExportTargetExists, writeExportFile } from '../core/export/writeExport';
import { LibraryFileError, readMeetingFile } from '../core/meetingFile';
import { ACTIONS_USAGE, EXPORT_USAGE, GENERAL_USAGE } from './help';
import { findLibraryRoot } from './libraryRoot';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_DONE = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command line was wrong: said in one line, with a pointer to the help. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

const EXPORT_OPTIONS = {
  out: { type: 'string' },
  confidential: { type: 'boolean' },
  final: { type: 'boolean' },
  draft: { type: 'boolean' },
  library: { type: 'string' },
  replace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

const ACTIONS_OPTIONS = {
  committee: { type: 'string' },
  csv: { type: 'boolean' },
  out: { type: 'string' },
  confidential: { type: 'boolean' },
  replace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** node:util's parse errors, reworded for one line: "unknown option --x", "--out needs a value". */
function parseCommandLine<T extends Options>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']*)'/.exec(message)?.[1]?.split(' ')[0];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? message}`, command);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(/argument missing/.test(message) ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} takes no value`, command);
    }
    throw new UsageError(message.split('\n')[0]!, command);
  }
}

function onePositional(positionals: string[], what: string, command: string): string {
  if (positionals.length === 0) throw new UsageError(`say which ${what}`, command);
  if (positionals.length > 1) throw new UsageError(`one ${what} at a time (also given: ${positionals.slice(1).join(' ')})`, command);
  return positionals[0]!;
}

function printed(io: CliIo, text: string): number {
  io.stdout(`${text}\n`);
  return EXIT_DONE;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, EXPORT_OPTIONS, 'export');
  if (values.help) return printed(io, EXPORT_USAGE);
  const file = resolve(io.cwd, onePositional(positionals, 'meeting file to export', 'export'));
  if (values.final && values.draft) throw new UsageError('--final and --draft contradict each other; give one', 'export');
  const { meeting } = await readMeetingFile(file);
  const libraryPath = values.library === undefined ? await findLibraryRoot(dirname(file)) : resolve(io.cwd, values.library);
  const version = values.confidential ? 'confidential' : 'public';
  const draft = values.final ? false : values.draft ? true : meeting.status === 'draft';
  const target = await commandLineTarget(io.cwd, values.out, defaultExportFileName(meeting, version));
  const written = await exportMeetingMinutes({ libraryPath, meeting, version, draft, target, replace: values.replace === true });
  io.stdout(`${written.path}\n`);
  return EXIT_DONE;
}

async function actionsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, ACTIONS_OPTIONS, 'actions');
  if (values.help) return printed(io, ACTIONS_USAGE);
  const libraryPath = resolve(io.cwd, onePositional(positionals, 'library folder', 'actions'));
  if (values.committee === undefined) throw new UsageError('say which committee with --committee <slug>', 'actions');
  const slug = CommitteeSlug.safeParse(values.committee);
  if (!slug.success) throw new UsageError(`--committee “${values.committee}”: ${slug.error.issues[0]?.message ?? 'not a committee slug'}`, 'actions');
  if (values.out === '-' && !values.csv) throw new UsageError('--out - (standard output) works only with --csv', 'actions');

  const confidential = values.confidential === true;
  const log = await collectActionLog(libraryPath, slug.data, { confidential });
  for (const skipped of log.unreadable) io.stderr(`minutebook: warning: left out ${skipped.file}: ${oneLine(skipped.problem)}\n`);

  if (values.csv && values.out === '-') {
    io.stdout(actionLogCsv(log.rows));
    return EXIT_DONE;
  }
  const format = values.csv ? 'csv' : 'docx';
  const bytes = await actionLogFile(libraryPath, slug.data, log, format, confidential);
  const target = await commandLineTarget(
    io.cwd,
    values.out,
    defaultActionLogFileName(log.committeeName, new Date(), confidential ? 'confidential' : 'public', format),
  );
  await writeExportFile(target, bytes, { replace: values.replace === true });
  io.stdout(`${target}\n`);
  return EXIT_DONE;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The one line a failure is reported in. */
function failureLine(error: unknown): string {
  if (error instanceof LibraryFileError) return `cannot read meeting file ${error.file}: ${error.problem}`;
  if (error instanceof ExportTargetBusy) return `${error.message} A free name beside it: --out "${error.suggestedPath}"`;
  if (error instanceof ExportTargetExists) {
    return `There is already a file called ${basename(error.target)} in “${dirname(error.target)}”. Give --replace to replace it, or a free name: --out "${error.suggestedPath}"`;
  }
  if (error instanceof ClerkFacingError) return error.message;
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
}

function helpFor(topic: string | undefined): string | undefined {
  if (topic === undefined) return GENERAL_USAGE;
  if (topic === 'export') return EXPORT_USAGE;
  if (topic === 'actions') return ACTIONS_USAGE;
  return undefined;
}

export async function runMinutebook(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'export':
        return await exportCommand(rest, io);
      case 'actions':
        return await actionsCommand(rest, io);
      case 'help':
      case '--help':
      case '-h': {
        const help = helpFor(command === 'help' ? rest[0] : undefined);
        if (help === undefined) throw new UsageError(`no help on “${rest[0]}”: the commands are export and actions`);
        return printed(io, help);
      }
      case undefined:
        throw new UsageError('say what to do: export or actions');
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command “${command}”: the commands are export and actions`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`minutebook: ${oneLine(error.message)} (see: minutebook ${error.command ? `${error.command} ` : ''}--help)\n`);
      return EXIT_USAGE;
    }
    io.stderr(`minutebook: ${oneLine(failureLine(error))}\n`);
    return EXIT_FAILED;
  }
}
