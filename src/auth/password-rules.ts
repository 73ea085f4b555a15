// Password rules for staff accounts, with the Chinese message staff read.
import { textProblem } from '../validation/text-input.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_RULES_TEXT = `密码至少 ${PASSWORD_MIN_LENGTH} 个字符，须包含字母、数字、符号中的至少两类，且不能包含用户名。`;

/** Returns the problem with `password`, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `密码太短：至少需要 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `密码太长：不能超过 ${PASSWORD_MAX_LENGTH} 个字符`;
  if (/^\s|\s$/.test(password)) return '密码首尾不能是空格';
  // A control or invisible character cannot be typed at the sign-in form again.
  const text = textProblem(password, '密码');
  if (text) return text;
  const classes = [/[A-Za-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 2) return '密码须包含字母、数字、符号中的至少两类';
  if (new Set(password).size < 4) return '密码重复字符太多，请换一个更难猜的密码';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return '密码不能包含用户名';
  return null;
}
