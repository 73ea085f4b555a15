// A citizen applies for disclosure in a real browser — without JavaScript on a phone-sized
// screen, and with it on a desktop — gets a tracking number and access code, and follows the
// case with them through correction, extension and a 部分公开 reply handled by the staff.
// Every page is checked with axe-core (WCAG 2.1 AA) and must not break its CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser.js';
import { assertAccessible, openSession, signInAs, type Session } from './support/session.js';
import { useJourney } from './support/journey.js';

const journey = useJourney();

const squash = (s: string) => s.replace(/\s+/g, '');

/** The same journey without JavaScript on a phone, and with it on a desktop screen. */
const MODES = [
  { name: 'JavaScript disabled, on a phone', js: false, viewport: { width: 375, height: 812 } },
  { name: 'JavaScript enabled, on a desktop', js: true, viewport: { width: 1280, height: 900 } },
] as const;

for (const mode of MODES)
  describe(`applying for disclosure, ${mode.name}`, { timeout: 240_000 }, () => {
    /** Every session of this journey: the handler's, the head's and the citizen's device. */
    const sessions = new Map<Page, Session>();
    let page: Page;
    let trackingNumber = '';
    let accessCode = '';
    let caseUrl = '';
    /** A person on their own device (its own cookies), in this journey's mode. */
    async function device(): Promise<Page> {
      const session = await openSession(journey.browser, journey.server.baseUrl, {
        javaScriptEnabled: mode.js,
        viewport: mode.viewport,
      });
      session.page.setDefaultTimeout(15_000);
      sessions.set(session.page, session);
      return session.page;
    }
    /** axe and CSP on the page the person is looking at. */
    const accessible = (p: Page) => assertAccessible(sessions.get(p)!);

    before(async () => {
      page = await device();
    });
    after(async () => {
      for (const s of sessions.values()) await s.context.close();
    });

    test('a citizen applies, fixes a mistake, adds an item and gets a tracking number', async () => {
      await page.goto('/agencies/lingshanwei/requests');
      await accessible(page);
      await page.getByRole('link', { name: '在线提交申请' }).click();
      await page.waitForURL('**/agencies/lingshanwei/requests/apply');
      await accessible(page);

      await page.getByLabel('自然人（公民）').check();
      await page.getByLabel('姓名或者名称').fill('张演示');
      await page.getByLabel('证件类型').selectOption('resident_id_card');
      await page.getByLabel('证件号码').fill('370211198001011230'); // wrong check digit
      await page.getByLabel('联系地址').fill('青岛市西海岸新区演示路1号');
      await page.getByLabel('联系电话').fill('13800000001');
      await page.locator('#field-items-0-title').fill('灵山卫街道征地规划文件');
      await page.getByLabel('电子文件').check();
      await page.getByLabel('邮寄').check();
      await page.getByRole('button', { name: '提交申请' }).click();
      assert.match(squash(await page.locator('.error-summary').innerText()), /最后一位应为9/);
      assert.equal(await page.getByLabel('姓名或者名称').inputValue(), '张演示');
      await accessible(page);
      await screenshot(page, `request-apply-error-${mode.js ? 'desktop' : 'phone'}`);

      await page.getByLabel('证件号码').fill('370211198001011239');
      await page.getByRole('button', { name: '再添加一项' }).click();
      assert.equal(await page.locator('textarea[name^="items."]').count(), 4);
      await page.locator('#field-items-3-description').fill('城市管理执法的相关文件');
      await page.getByRole('button', { name: '提交申请' }).click();
      assert.equal((await page.locator('h1').textContent())?.trim(), '申请已提交');
      const facts = await page.locator('dl.facts dd strong').allTextContents();
      [trackingNumber = '', accessCode = ''] = facts.map((s) => s.trim());
      assert.match(trackingNumber, /^GK-/);
      assert.match(accessCode, /^[0-9A-Z]{4}-/);
      await accessible(page);
      await screenshot(page, `request-submitted-${mode.js ? 'desktop' : 'phone'}`);
    });

    test('the citizen follows the case with the number and code', async () => {
      await page.goto('/requests/track');
      await accessible(page);
      await page.getByLabel('查询号').fill(trackingNumber);
      await page.getByLabel('查询码').fill(accessCode);
      await page.getByRole('button', { name: '查询' }).click();
      assert.equal((await page.locator('h1').textContent())?.trim(), '办理进度');
      assert.match(squash(await page.locator('main').innerText()), /已提交，待本机关确认收到/);
      assert.ok(!page.url().includes(accessCode));
      await accessible(page);
    });

    test('a handler confirms receipt and opens the personal data', async () => {
      await signInAs(page, 'lsw-handler');
      await page
        .getByRole('navigation', { name: '工作台导航' })
        .getByRole('link', { name: '依申请公开' })
        .click();
      await page.waitForURL('**/console/requests');
      await accessible(page);
      const main = await page.locator('main').innerText();
      assert.ok(!main.includes('370211198001011239'));
      await page.getByRole('link', { name: trackingNumber }).click();
      caseUrl = new URL(page.url()).pathname;
      await accessible(page);
      await page.getByRole('button', { name: '确认收到' }).click();
      assert.match(squash(await page.getByRole('status').innerText()), /已确认收到申请/);
      await page.getByRole('button', { name: '查看完整信息' }).click();
      assert.match(await page.locator('main').innerText(), /370211198001011239/);
      await accessible(page);
      await screenshot(page, `request-case-${mode.js ? 'desktop' : 'phone'}`);
      await page.goto('/console/requests/new');
      await accessible(page);
    });

    /** Opens a step's <details> on the case page (native, no script), fills it and submits. */
    async function takeStep(
      p: Page,
      step: string,
      fill: (form: ReturnType<Page['locator']>) => Promise<void>,
      button: string,
    ): Promise<void> {
      await p.goto(caseUrl);
      const details = p.locator('details.case-step', {
        has: p.locator('summary', { hasText: step }),
      });
      await details.locator('summary').first().click();
      const form = details.getByRole('form', { name: step });
      await fill(form);
      await form.getByRole('button', { name: button }).click();
      assert.match(squash(await p.getByRole('status').innerText()), /已办理/, step);
    }

    async function trackAs(p: Page): Promise<string> {
      await p.goto('/requests/track');
      await p.getByLabel('查询号').fill(trackingNumber);
      await p.getByLabel('查询码').fill(accessCode);
      await p.getByRole('button', { name: '查询' }).click();
      return squash(await p.locator('main').innerText());
    }

    let head: Page;
    let citizen: Page;

    test('staff ask for a correction; the citizen corrects on the tracking page', async () => {
      await takeStep(
        page,
        '要求补正',
        (f) =>
          f
            .getByLabel('需要补正的事项（一次性告知，每行一项）')
            .fill('请写明所需征地规划文件的年份'),
        '发出补正告知书',
      );
      assert.match(squash(await page.locator('main').innerText()), /补正告知书/);
      await accessible(page);

      citizen = await device();
      const shown = await trackAs(citizen);
      assert.match(shown, /需要补正申请内容/);
      assert.match(shown, /受理回执/);
      assert.match(shown, /补正告知书/);
      await accessible(citizen);
      await citizen.getByLabel('补正内容').fill('所需为2021年的征地规划文件');
      await citizen.getByRole('button', { name: '提交补正' }).click();
      assert.match(squash(await citizen.locator('main').innerText()), /补正已提交/);
      await accessible(citizen);
    });

    test('the handler asks for an extension and the office head approves it', async () => {
      await takeStep(
        page,
        '申请延期答复',
        (f) => f.getByLabel('延期理由（将写入延期答复告知书）').fill('需调取多年档案核实'),
        '申请延期答复',
      );
      head = await device();
      await signInAs(head, 'lsw-head');
      await head.goto(caseUrl);
      assert.match(squash(await head.locator('main').innerText()), /需调取多年档案核实/);
      await accessible(head);
      await takeStep(head, '批准延期答复', async () => {}, '批准并发出延期答复告知书');
      assert.match(squash(await head.locator('main').innerText()), /延期答复告知书/);
    });

    test('the reply (部分公开) is drafted, approved by the head and sent', async () => {
      await takeStep(
        page,
        '提交答复稿',
        async (f) => {
          await f.getByLabel(/^办理结果/).selectOption('partially_disclosed');
          await f
            .getByLabel('理由（作出该决定的事实和理由）')
            .fill('其中涉及个人隐私的部分不予公开，其余予以公开。');
          await f.getByLabel('提供方式（予以公开、部分公开时填写）').fill('邮寄纸质文本');
          await f.getByLabel('受理行政复议的机关').fill('青岛市黄岛区人民政府');
          await f.getByLabel('有管辖权的人民法院').fill('青岛市黄岛区人民法院');
        },
        '提交答复稿',
      );
      // The handler cannot approve: the step is not offered.
      assert.equal(await page.locator('summary', { hasText: '审核通过答复' }).count(), 0);
      await takeStep(head, '审核通过答复', async () => {}, '审核通过答复');
      await takeStep(page, '发出答复', async () => {}, '发出答复告知书');
      const main = squash(await page.locator('main').innerText());
      assert.match(main, /已办结/);
      assert.match(main, /答复告知书（部分公开）/);
      await accessible(page);
      await screenshot(page, `request-case-closed-${mode.js ? 'desktop' : 'phone'}`);
    });

    test('the citizen sees the reply with the tracking number and code, and opens it', async () => {
      const shown = await trackAs(citizen);
      assert.match(shown, /已办结/);
      assert.match(shown, /答复告知书（部分公开）/);
      assert.match(shown, /延期答复告知书/);
      await accessible(citizen);
      await screenshot(citizen, `request-track-replied-${mode.js ? 'desktop' : 'phone'}`);
      const row = citizen.locator('tr', { hasText: '答复告知书（部分公开）' });
      await row.getByRole('button', { name: /网页版/ }).click();
      const letter = squash(await citizen.locator('body').innerText());
      assert.match(letter, /60日内/);
      assert.match(letter, /青岛市黄岛区人民法院/);
      assert.ok(!citizen.url().includes(accessCode));
    });
  });
