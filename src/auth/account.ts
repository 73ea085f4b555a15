// Staff accounts: domain type and the inputs of the admin console.
import { z } from 'zod';
import { optionalEmail, singleLine } from '../validation/text-input.js';
import { ROLES, type Role } from './roles.js';

export interface Account {
  id: string;
  agencyId: string;
  username: string;
  displayName: string;
  /** For the account's own notices (the daily request reminders); optional. */
  email: string | null;
  isActive: boolean;
  roles: Role[];
  createdAt: string;
  updatedAt: string;
}

export const usernameSchema = singleLine('用户名')
  .toLowerCase()
  .min(3, '用户名至少 3 个字符')
  .max(40, '用户名不能超过 40 个字符')
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    '用户名只能用小写英文字母、数字、点、下划线和连字符，且以字母或数字开头',
  );

export const displayNameSchema = singleLine('姓名')
  .min(1, '请填写姓名')
  .max(40, '姓名不能超过 40 个字');

export const accountEmailSchema = optionalEmail('电子邮箱', 'zhang.san@example.gov.cn');

export const rolesSchema = z
  .array(z.enum(ROLES as [Role, ...Role[]], { error: '角色无效' }))
  .min(1, '请至少选择一个角色');

/** The console's form for a new account; the password rules are the service's to check. */
export const newAccountFormSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  email: accountEmailSchema,
  agencyId: z.string(),
  roles: rolesSchema,
  password: z.string(),
});

export const accountRolesFormSchema = z.object({ roles: rolesSchema });

export const accountEmailFormSchema = z.object({ email: accountEmailSchema });
