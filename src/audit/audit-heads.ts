// Audit chain heads exported outside the database, and checked against it later.
//
// The chain alone cannot tell a consistent rewrite (every event and the head recomputed), nor
// a cut of the newest events with the head rewound to match. A copy of each chain's head
// (seq and hash) kept elsewhere — printed, mailed, written to another machine's folder on a
// schedule — can: the event at that seq must still exist and still have that hash. The file
// carries its own SHA-256 over its content, so a damaged or hand-edited file is recognised.
// See docs/decisions/0028-reliability-proofs.md.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { canonicalJson } from './canonical.js';

export const HEADS_FORMAT = 'gongkai-audit-heads/1';

export interface ExportedHead {
  chainId: string;
  seq: number;
  hash: string;
}

export interface HeadsDocument {
  format: typeof HEADS_FORMAT;
  /** When the heads were read (ISO instant). */
  exportedAt: string;
  heads: ExportedHead[];
  /** SHA-256 over the canonical JSON of the fields above. */
  digest: string;
}

const headsSchema = z.object({
  format: z.literal(HEADS_FORMAT),
  exportedAt: z.iso.datetime(),
  heads: z.array(
    z.object({
      chainId: z.string().min(1),
      seq: z.number().int().min(0),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

function digestOf(doc: Omit<HeadsDocument, 'digest'>): string {
  return createHash('sha256')
    .update(
      canonicalJson({ format: doc.format, exportedAt: doc.exportedAt, heads: doc.heads }),
      'utf8',
    )
    .digest('hex');
}

export async function exportHeads(db: Kysely<Database>, now: Date): Promise<HeadsDocument> {
  const rows = await db
    .selectFrom('audit_heads')
    .select(['chain_id', 'seq', 'hash'])
    .orderBy('chain_id')
    .execute();
  const body = {
    format: HEADS_FORMAT,
    exportedAt: now.toISOString(),
    heads: rows.map((r) => ({ chainId: r.chain_id, seq: Number(r.seq), hash: r.hash })),
  } as const;
  return { ...body, digest: digestOf(body) };
}

/** The file's text: JSON, one head per line, readable and diffable. */
export function formatHeads(doc: HeadsDocument): string {
  const heads = doc.heads.map((h) => `    ${JSON.stringify(h)}`).join(',\n');
  return [
    '{',
    `  "format": ${JSON.stringify(doc.format)},`,
    `  "exportedAt": ${JSON.stringify(doc.exportedAt)},`,
    `  "heads": [${heads ? `\n${heads}\n  ` : ''}],`,
    `  "digest": ${JSON.stringify(doc.digest)}`,
    '}',
    '',
  ].join('\n');
}

export type ParsedHeads = { ok: true; doc: HeadsDocument } | { ok: false; message: string };

export function parseHeads(text: string): ParsedHeads {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: '链头文件不是有效的 JSON，请确认选择的是 gongkai audit heads 导出的文件。',
    };
  }
  const parsed = headsSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      message: '链头文件格式不对，请确认选择的是 gongkai audit heads 导出的文件。',
    };
  const doc = parsed.data as HeadsDocument;
  if (digestOf(doc) !== doc.digest)
    return { ok: false, message: '链头文件的内容与其校验值不符：文件在导出后被改动过或已损坏。' };
  return { ok: true, doc };
}

export interface HeadProblem {
  chainId: string;
  message: string;
}

/**
 * Every exported head must still be in the database: the event at its seq exists with its
 * hash, and the chain's head has not gone back past it. (verifyAuditChain checks the events
 * after it link up to the current head.)
 */
export async function checkAgainstHeads(
  db: Kysely<Database>,
  doc: HeadsDocument,
): Promise<HeadProblem[]> {
  const problems: HeadProblem[] = [];
  const at = doc.exportedAt;
  for (const h of doc.heads) {
    if (h.seq === 0) continue;
    const head = await db
      .selectFrom('audit_heads')
      .select(['seq'])
      .where('chain_id', '=', h.chainId)
      .executeTakeFirst();
    const event = await db
      .selectFrom('audit_events')
      .select(['hash'])
      .where('chain_id', '=', h.chainId)
      .where('seq', '=', h.seq)
      .executeTakeFirst();
    if (!head || Number(head.seq) < h.seq || !event) {
      problems.push({
        chainId: h.chainId,
        message: `链 ${h.chainId}：${at} 导出时已有 ${h.seq} 条审计记录，现在${
          head ? `只剩 ${Number(head.seq)} 条` : '整条链都不见了'
        }——最新的记录被删除，链头被改回。`,
      });
    } else if (event.hash !== h.hash) {
      problems.push({
        chainId: h.chainId,
        message: `链 ${h.chainId}：第 ${h.seq} 条审计记录的哈希值与 ${at} 导出的链头不符——这条链在导出后被整体改写过。`,
      });
    }
  }
  return problems;
}
