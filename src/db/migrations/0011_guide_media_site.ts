// The guide (政府信息公开指南) as a draft and its published, dated versions; the registry of
// government new-media accounts (政务新媒体); and the site identity the inspection rules ask
// for (网站标识码, ICP备案号, 公安机关备案号). See docs/decisions/0020-guide-and-site-identity.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // What the guide says beyond the disclosure office's contacts (those stay on `agencies`):
  // one draft per agency, edited until it is published as a new version.
  await db.schema
    .createTable('guide_drafts')
    .addColumn('agency_id', 'text', (c) =>
      c.primaryKey().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('postcode', 'text')
    .addColumn('online_form_url', 'text')
    .addColumn('competent_office', 'text')
    .addColumn('reconsideration_body', 'text')
    .addColumn('arrangement_note', 'text')
    .addColumn('other_note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A published version is never changed: its content is stored whole, as it was shown.
  await db.schema
    .createTable('guide_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) =>
      c.notNull().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('guide_versions_agency_version_key', ['agency_id', 'version'])
    .execute();

  await db.schema
    .createTable('new_media_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) =>
      c.notNull().references('agencies.id').onDelete('cascade'),
    )
    .addColumn('platform', 'text', (c) => c.notNull()) // 'wechat' | 'weibo' | 'douyin' | 'toutiao' | 'other'
    .addColumn('platform_other', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'active' | 'closed'
    .addColumn('closed_on', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('new_media_accounts_agency_idx')
    .on('new_media_accounts')
    .columns(['agency_id', 'status'])
    .execute();

  // Platform-wide settings, one row per key (the site identity lives here).
  await db.schema
    .createTable('site_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['site_settings', 'new_media_accounts', 'guide_versions', 'guide_drafts'])
    await db.schema.dropTable(t).execute();
}
