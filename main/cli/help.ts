/** What `minutebook --help` says: every command and option, for administrators and batch work. */

export const EXPORT_USAGE = `minutebook export <meeting.json> [--out <file.docx>] [--replace] [--confidential] [--final | --draft] [--library <folder>]

  Writes the minutes of one meeting as a Word document, in the library's house style.

  --out <file.docx>   Where to write. A folder means the usual name inside it.
                      Default: "<date> <committee> minutes (public).docx" (or "(confidential)")
                      in the current folder.
  --replace           Write over a file of that name that is already there (never one open in
                      Word). Default: such a file is left alone and a free name is suggested.
  --confidential      The confidential version: Part 2 items in full, CONFIDENTIAL on every page.
                      Default: the public version, where each Part 2 item shows only its public
                      summary and the Schedule 12A paragraph.
  --final             No DRAFT marking, even if the meeting is still a draft.
  --draft             DRAFT on every page, even if the minutes are approved.
                      Default: DRAFT while the meeting's status is draft.
  --library <folder>  The library whose house style (library.json, committees/) to use.
                      Default: the nearest folder above the meeting file holding library.json,
                      committees/ or meetings/; the standard style if there is none.`;

export const ACTIONS_USAGE = `minutebook actions <library-folder> --committee <slug> [--csv] [--out <file>] [--replace] [--confidential]

  Writes the action log of one committee, from all its meetings in the library: meeting date,
  reference (e.g. 64/1), action, owner, due date, status and item, by meeting date then reference.
  Meeting files that cannot be read are named on standard error and left out.

  --committee <slug>  The committee, as its file is named in committees/ (e.g. "planning" for
                      committees/planning.json). Required.
  --csv               CSV for Excel (UTF-8 with BOM, ISO dates) instead of a Word document.
  --out <file>        Where to write; "-" with --csv writes to standard output.
                      Default: "<committee> action log <yyyy-mm-dd>.docx" (or .csv; "(confidential)"
                      before the ending with --confidential) in the current folder, as the app
                      names it.
  --replace           Write over a file of that name that is already there (never one open in
                      Word or Excel). Default: such a file is left alone and a free name is suggested.
  --confidential      Include actions of Part 2 (exempt) items, with CONFIDENTIAL on every page
                      of the Word log. Default: they are left out.`;

export const GENERAL_USAGE = `Minute Book on the command line: export minutes and action logs from a library folder.

Usage:
  ${EXPORT_USAGE.split('\n')[0]}
  ${ACTIONS_USAGE.split('\n')[0]}
  minutebook help [export | actions]
  minutebook --help

Commands:

${EXPORT_USAGE}

${ACTIONS_USAGE}

A file that is open in Word is never overwritten: minutebook says who has it open and names a
free file beside it to use with --out. A file that is simply there is overwritten only with
--replace; without it minutebook names a free file beside it. Files are written whole or not at all.

On success the path of the file written is printed. Exit status: 0 done; 1 failed (one line on
standard error saying why); 2 wrong usage.

Examples:
  npx minutebook export "meetings/2022/2022-11-08 planning.json" --out minutes.docx
  npx minutebook export "meetings/2022/2022-11-08 planning.json" --confidential --final
  npx minutebook actions . --committee planning --csv --out actions.csv`;
