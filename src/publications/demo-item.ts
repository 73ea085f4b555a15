// The shape of a demo publication of 灵山卫街道, written by demo.ts: the handful of realistic
// items and the generated ones (demo-generated.ts) alike. Pure data.
import type { Channel, Validity } from './item.js';
import type { PublicationState } from './review.js';

export interface DemoItem {
  /** Fixes the item's id (`demoId`), so every run of the demo resets the same row. */
  n: number;
  state: PublicationState;
  title: string;
  summary: string;
  body: string;
  documentNumber: string | null;
  writtenOn: string;
  formedOn: string;
  publishedOn: string | null;
  /** The moment of publishing (UTC) when not the default 09:30 Beijing time. */
  publishedAt?: string;
  subject: string;
  genre: string;
  keywords: string[];
  category: string;
  validity?: Validity;
  validityOn?: string;
  /** The `n` of the demo item that replaced this one. */
  replacedBy?: number;
  /** The channels beside the portal (政府网站), each with the date the item went out on it. */
  channels?: Partial<Record<Exclude<Channel, 'website'>, string>>;
  withdrawal?: string;
}

export const demoId = (n: number) =>
  `00000000-0000-4000-8000-0000000d${String(n).padStart(4, '0')}`;
