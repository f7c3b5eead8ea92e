/** An exported .docx opened in the tests with jszip, independently of how the export wrote it: its XML parts by name. */
import JSZip from 'jszip';

export interface OpenedDocx {
  zip: JSZip;
  /** The text of the first part whose name matches `pattern`; fails, naming the pattern, when there is none. */
  part(pattern: RegExp): Promise<string>;
}

/** `what` names the file in a failure ("no part matching … in the .docx"). */
export async function openDocx(docx: Buffer | Uint8Array, what = 'the .docx'): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(docx);
  return {
    zip,
    async part(pattern) {
      const name = Object.keys(zip.files).find((each) => pattern.test(each));
      if (!name) throw new Error(`no part matching ${pattern} in ${what}`);
      return zip.file(name)!.async('string');
    },
  };
}
