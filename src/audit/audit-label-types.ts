// The shape of a feature's audit labels: Chinese names for the actions it writes, the
// subject types it owns and their fields (as stored in before/after). Features declare
// them in their own audit-labels.ts and give them as `Feature.auditLabels`; the feature list
// is combined into one index (src/audit/audit-labels.ts, src/features.ts).
export interface AuditLabels {
  actions: Readonly<Record<string, string>>;
  subjects: Readonly<Record<string, string>>;
  /** Field labels by subject type, then by field name. */
  fields: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
