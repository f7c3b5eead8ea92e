/**
 * The part of papaparse that main/domain uses (parsing a CSV string), declared without Node.
 * @types/papaparse references Node's types for its stream API, which would bring `process` and
 * `Buffer` into the domain and the renderer; tsconfig.domain.json and tsconfig.renderer.json map
 * `papaparse` here instead. Every other program uses the real types, so a wrong line here shows there.
 */
export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  message: string;
  row?: number | undefined;
  index?: number | undefined;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}

export interface ParseConfig {
  skipEmptyLines?: boolean | 'greedy' | undefined;
}

export function parse<T>(text: string, config?: ParseConfig): ParseResult<T>;

declare const Papa: { parse: typeof parse };
export default Papa;
