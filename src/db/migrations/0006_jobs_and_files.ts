// Scheduled work (jobs), stored files and the report checker's downloadable results.
// See docs/decisions/0013-jobs-and-files.md.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // 'pending' | 'running' | 'done' | 'failed'
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    // The lease: who runs the job and until when. A lease that ends without the job being
    // finished means its worker died; the job may then be claimed again.
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    // Set while the job waits to run and cleared when it is claimed, so that at most one
    // pending job exists per key (NULLs never collide in a unique index, on both databases).
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('recurring_key', 'text')
    .addColumn('result_json', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema
    .createIndex('jobs_lease_idx')
    .on('jobs')
    .columns(['status', 'locked_until'])
    .execute();
  await db.schema.createIndex('jobs_finished_idx').on('jobs').column('finished_at').execute();

  await db.schema
    .createTable('files')
    // A random id, which is also the stored object's name: nothing the user typed reaches
    // the file system.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('check_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('csv', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_results_owner_idx')
    .on('check_results')
    .columns(['owner_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('check_results_expires_idx')
    .on('check_results')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['check_results', 'files', 'jobs']) await db.schema.dropTable(t).execute();
}
