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
  synonyms: string[];
}

export const CHANNELS: Readonly<Record<string, ChannelWord>> = {
  web: { by: 'customer', synonyms: ['website', 'web site', 'online', 'internet', 'portal', 'site'] },
  app: { by: 'customer', synonyms: ['mobile app', 'mobile', 'smartphone'] },
  phone: { by: 'customer', synonyms: ['telephone', 'call', 'call centre', 'call center', 'hotline', 'by phone'] },
  email: { by: 'customer', synonyms: ['e-mail', 'e mail'] },
  chat: { by: 'customer', synonyms: ['live chat', 'webchat', 'web chat', 'chatbot', 'messenger', 'whatsapp'] },
  sms: { by: 'customer', synonyms: ['text', 'text message'] },
  video: { by: 'customer', synonyms: ['video call'] },
  branch: { by: 'customer', synonyms: ['bank branch', 'office', 'agency'] },
  shop: { by: 'customer', synonyms: ['store', 'parcel shop', 'counter', 'post office'] },
  'in person': { by: 'customer', synonyms: ['face to face', 'face-to-face', 'f2f', 'in-person', 'meeting'] },
  mail: { by: 'company', synonyms: ['post', 'letter', 'postal', 'by post'] },
  delivery: { by: 'company', synonyms: ['courier', 'parcel'] },
  visit: { by: 'company', synonyms: ['home visit', 'site visit', 'on site', 'at home', 'engineer visit'] },
};

/** A channel as the analysis uses it: its standard name, and who starts a contact on it. */
export interface Channel {
  id: string;
  by: ChannelStarter;
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
  if (own !== undefined) return { id: norm(own), by: declared[own]!, known: true };
  const id = WORDS.get(norm(text));
  return id === undefined
    ? { id: norm(text), by: 'customer', known: false }
    : { id, by: CHANNELS[id]!.by, known: true };
}

/** The standard channel closest to an unknown text: by spelling, or one whose words contain it. */
export function channelSuggestion(text: string): string | undefined {
  const word = norm(text);
  const near = closest(word, WORDS.keys());
  if (near !== undefined) return WORDS.get(near);
  const containing = [...WORDS.keys()].find((w) => w.split(' ').includes(word) || word.split(' ').includes(w));
  return containing === undefined ? undefined : WORDS.get(containing);
}
