// Staff roles. One account may hold several; the names here are the stored values, the
// labels are what staff read.
export type Role = 'handler' | 'office_head' | 'reviewer' | 'publisher' | 'supervisor' | 'admin';

export const ROLES: readonly Role[] = [
  'handler',
  'office_head',
  'reviewer',
  'publisher',
  'supervisor',
  'admin',
];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  handler: '承办人',
  office_head: '负责人',
  reviewer: '保密审查员',
  publisher: '发布员',
  supervisor: '上级监督',
  admin: '系统管理员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Keeps only known roles (a stored unknown value grants nothing), in canonical order. */
export function toRoles(values: readonly string[]): Role[] {
  return ROLES.filter((r) => values.includes(r));
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}
