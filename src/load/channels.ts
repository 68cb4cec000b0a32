/**
 * The channels the format knows, with the words people use for them. Who starts a contact on a channel decides
 * whether the customer's step on it is a contact: the customer reaches the company on the web or by phone, while a
 * letter, a delivery or an engineer's visit is the company reaching the customer (Dixon, Freeman & Toman 2010:
 * the company choosing to write or to visit is not the customer switching channel). A map may add its own
 * channels, or say otherwise for a standard one, under `channels:`.
 */
import { closest } from '../core/index.js';

/** Who starts a contact on a channel. */
export type ChannelStarter = 'customer' | 'company';

interface ChannelWord {
  by: ChannelStarter;
  /**
   * Whether the channel carries information with nobody having to be there: a contact on it could move to another
   * such channel, or online. In-person channels (a branch, a shop, a visit, a delivery) carry people and goods.
   */
  remote: boolean;
  /** Whether it carries documents and files as well as words (a form, payslips, photos): not a call or a text. */
  files: boolean;
  synonyms: string[];
}

export const CHANNELS: Readonly<Record<string, ChannelWord>> = {
  web: {
    by: 'customer',
    remote: true,
    files: true,
    synonyms: ['website', 'web site', 'online', 'internet', 'portal', 'site'],
  },
  app: { by: 'customer', remote: true, files: true, synonyms: ['mobile app', 'mobile', 'smartphone'] },
  phone: {
    by: 'customer',
    remote: true,
    files: false,
    synonyms: ['telephone', 'call', 'call centre', 'call center', 'hotline', 'by phone'],
  },
  email: { by: 'customer', remote: true, files: true, synonyms: ['e-mail', 'e mail'] },
  chat: {
    by: 'customer',
    remote: true,
    files: true,
    synonyms: ['live chat', 'webchat', 'web chat', 'chatbot', 'messenger', 'whatsapp'],
  },
  sms: { by: 'customer', remote: true, files: false, synonyms: ['text', 'text message'] },
  video: { by: 'customer', remote: true, files: false, synonyms: ['video call'] },
  branch: { by: 'customer', remote: false, files: true, synonyms: ['bank branch', 'office', 'agency'] },
  shop: { by: 'customer', remote: false, files: true, synonyms: ['store', 'parcel shop', 'counter', 'post office'] },
  'in person': {
    by: 'customer',
    remote: false,
    files: true,
    synonyms: ['face to face', 'face-to-face', 'f2f', 'in-person', 'meeting'],
  },
  mail: { by: 'company', remote: true, files: true, synonyms: ['post', 'letter', 'postal', 'by post'] },
  delivery: { by: 'company', remote: false, files: true, synonyms: ['courier', 'parcel'] },
  visit: {
    by: 'company',
    remote: false,
    files: true,
    synonyms: ['home visit', 'site visit', 'on site', 'at home', 'engineer visit'],
  },
};

/**
 * The channels on which the customer serves themselves, with nobody of the company on the other side: a step of
 * the customer's own there can be the part of the flow the company designed for them (docs/scoring.md).
 */
const SELF_SERVICE: ReadonlySet<string> = new Set(['web', 'app']);

/** A channel as the analysis uses it: its standard name, and who starts a contact on it. */
export interface Channel {
  id: string;
  by: ChannelStarter;
  /** Known to carry information remotely; false for in-person channels and for channels cxmap does not know. */
  remote: boolean;
  /** Known to carry documents and files too. */
  files: boolean;
  /** The customer serves themselves on it (web, app). */
  selfService: boolean;
}

const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
const WORDS = new Map<string, string>(
  Object.entries(CHANNELS).flatMap(([id, c]) => [[id, id] as const, ...c.synonyms.map((s) => [s, id] as const)]),
);

/**
 * The channel a step's text names: a map's own channel first, then a standard one or its synonym. An unknown text
 * is a channel of its own, which the customer is taken to use (and the loader warns about it).
 */
export function channelOf(
  text: string,
  declared: Readonly<Record<string, ChannelStarter>> = {},
): Channel & { known: boolean } {
  const own = Object.keys(declared).find((k) => norm(k) === norm(text));
  const id = WORDS.get(norm(own ?? text));
  const remote = id !== undefined && CHANNELS[id]!.remote;
  const files = id !== undefined && CHANNELS[id]!.files;
  const selfService = id !== undefined && SELF_SERVICE.has(id);
  if (own !== undefined) return { id: norm(own), by: declared[own]!, remote, files, selfService, known: true };
  return id === undefined
    ? { id: norm(text), by: 'customer', remote: false, files: false, selfService: false, known: false }
    : { id, by: CHANNELS[id]!.by, remote, files, selfService, known: true };
}

/** The standard channel closest to an unknown text: by spelling, or one whose words contain it. */
export function channelSuggestion(text: string): string | undefined {
  const word = norm(text);
  const near = closest(word, WORDS.keys());
  if (near !== undefined) return WORDS.get(near);
  const containing = [...WORDS.keys()].find((w) => w.split(' ').includes(word) || word.split(' ').includes(w));
  return containing === undefined ? undefined : WORDS.get(containing);
}
