/**
 * Errors that library code reports as a key and parameters rather than as finished English, so the page
 * can word them in the reader's language (a WordedError crosses a worker boundary as `{ key, params }`).
 * Its `message` is worded in the language the page asked for with `wordErrorsIn` (English until then: in
 * Node, in the worker, in logs), so a cell that shows `error.message` itself reads in the page's language.
 */
import { en, type Messages } from './en';

type ErrorWords = Messages['errors'];
/** The name of one error message in the catalogues' `errors` group. */
export type ErrorKey = keyof ErrorWords;
/** The parameters that message takes. */
export type ErrorParams<K extends ErrorKey> = Parameters<ErrorWords[K]>[0];

/** What to say: a catalogue key and its parameters. */
export interface Wording<K extends ErrorKey = ErrorKey> {
  /** the message's key in `errors` */
  key: K;
  /** its parameters */
  params: ErrorParams<K>;
}

/** The wording in the catalogue `messages` (English by default). */
export function word(wording: Wording, messages: Messages = en): string {
  return (messages.errors[wording.key] as (params: unknown) => string)(wording.params);
}

let errorWords: Messages = en;

/** Words every WordedError made from now on in `messages`' language (one page, one language). */
export function wordErrorsIn(messages: Messages): void {
  errorWords = messages;
}

/** An error to show a reader, worded from the catalogue. */
export class WordedError<K extends ErrorKey = ErrorKey> extends Error {
  /** what to say, for re-wording in another language */
  readonly wording: Wording<K>;
  constructor(key: K, params: ErrorParams<K>) {
    super(word({ key, params } as Wording, errorWords));
    this.wording = { key, params };
  }
}

/** The wording an error carries, if it carries one. */
export function wordingOf(error: unknown): Wording | undefined {
  const wording = (error as { wording?: Wording } | null)?.wording;
  return wording && typeof wording.key === 'string' && wording.key in en.errors ? wording : undefined;
}
