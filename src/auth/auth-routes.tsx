// Sign-in, sign-out and the supervisors' agency switcher: the pages, and the HTTP answers
// to the use cases of sign-in-service.ts.
import { Hono } from 'hono';
import { ConsolePage } from '../web/layout.js';
import type { AppEnv } from '../web/env.js';
import { z } from 'zod';
import { readForm } from '../web/form-input.js';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../web/forms.js';
import { containsControlCharacter } from '../validation/text-input.js';
import { clientAddress } from './client-address.js';
import { clearCookie, readCookie, SESSION_COOKIE, writeCookie } from './cookies.js';
import { LOGIN_PATH } from './guards.js';
import { authorize } from './policy.js';
import {
  signIn,
  signInUsername,
  signOut,
  switchAgency,
  type SignInRefusal,
} from './sign-in-service.js';

/** The status each refused sign-in is answered with. */
const REFUSAL_STATUS = {
  invalid: 400,
  wrong: 401,
  throttled: 429,
  busy: 503,
} as const satisfies Record<SignInRefusal, number>;

/** Only console paths of this site are followed after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  if (
    typeof next !== 'string' ||
    !next.startsWith('/console') ||
    next.startsWith('//') ||
    next.startsWith(LOGIN_PATH)
  ) {
    return '/console';
  }
  // A control character cannot go into the Location header (and names no page of ours).
  return /[\\\s]/.test(next) || containsControlCharacter(next) ? '/console' : next;
}

function LoginPage(props: { username: string; next: string; error?: string }) {
  return (
    <ConsolePage title="工作人员登录" staff={null}>
      <p>本页面供机关工作人员登录政府信息公开工作台。申请公开政府信息无需注册或登录。</p>
      <PostForm action={LOGIN_PATH} label="登录">
        <ErrorSummary errors={props.error ? { _form: props.error } : {}} title="登录未成功" />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          name="username"
          label="用户名"
          value={props.username}
          autocomplete="username"
          required
        />
        <TextField
          name="password"
          label="密码"
          type="password"
          autocomplete="current-password"
          required
        />
        <SubmitButton>登录</SubmitButton>
      </PostForm>
    </ConsolePage>
  );
}

// The sign-in service checks the username and password (and says what is wrong); the form
// only hands them over as typed.
const SIGN_IN_FORM = { fields: ['username', 'password', 'next'] } as const;
const signInFormSchema = z.object({ username: z.string(), password: z.string(), next: z.string() });
const SWITCH_FORM = { fields: ['agencyId', 'next'] } as const;
const switchFormSchema = z.object({ agencyId: z.string(), next: z.string() });

export function authRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(LOGIN_PATH, (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('staff')) return c.redirect(next, 303);
    return c.html(<LoginPage username="" next={next} />);
  });

  app.post(LOGIN_PATH, async (c) => {
    const deps = c.get('deps');
    const { values: form } = await readForm(c, signInFormSchema, SIGN_IN_FORM);
    const next = safeNext(form.next);
    const result = await signIn(
      deps,
      {
        username: form.username,
        password: form.password,
        address: clientAddress(c),
        oldToken: readCookie(c, SESSION_COOKIE),
      },
      deps.signInChecks,
    );
    if (!result.ok) {
      if (result.refusal === 'busy') c.header('Retry-After', '5');
      return c.html(
        <LoginPage
          username={signInUsername(form.username)}
          next={next}
          error={result.errors._form}
        />,
        REFUSAL_STATUS[result.refusal],
      );
    }
    writeCookie(c, SESSION_COOKIE, result.value.token);
    return c.redirect(next, 303);
  });

  app.post('/console/logout', async (c) => {
    const staff = c.get('staff');
    if (staff) await signOut(c.get('deps'), staff);
    clearCookie(c, SESSION_COOKIE);
    return c.redirect(LOGIN_PATH, 303);
  });

  app.post('/console/agency', async (c) => {
    if (!c.get('staff')) return c.redirect(LOGIN_PATH, 303);
    const { values: form } = await readForm(c, switchFormSchema, SWITCH_FORM);
    const staff = await authorize(c, 'agency.switch', { agencyId: form.agencyId, mode: 'read' });
    await switchAgency(c.get('deps'), staff, form.agencyId);
    return c.redirect(safeNext(form.next || '/console'), 303);
  });

  return app;
}
