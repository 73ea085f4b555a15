// The applicant's pages: 依申请公开 (how to apply), the application form, the page that
// shows the tracking number and access code once, and tracking. No account; no JavaScript.
// Nothing here shows an applicant's personal data — not even back to the applicant.
import type { Agency } from '../../agencies/agency.js';
import { OfficeFacts } from '../../portal/guide-page.js';
import {
  ErrorSummary,
  PostForm,
  SubmitButton,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { PortalPage, portalColumn } from '../../web/layout.js';
import type { FormValues } from '../form-values.js';
import { ApplicationForm } from './application-form.js';

export const TRACK_PATH = '/requests/track';
export const applyPath = (slug: string) => `/agencies/${slug}/requests/apply`;

const column = () => portalColumn('/requests');

export function RequestsInfoPage({ agency }: { agency: Agency }) {
  const office = agency.office.name ?? '政府信息公开工作机构';
  return (
    <PortalPage title="依申请公开" agency={agency} column={column()}>
      <p>
        除主动公开的政府信息外，公民、法人或者其他组织可以向{agency.fullName}
        申请获取相关政府信息（《条例》第二十七条）。申请无需注册账号。
      </p>
      <p>
        <a class="button" href={applyPath(agency.slug)}>
          在线提交申请
        </a>{' '}
        <a class="button secondary" href={TRACK_PATH}>
          查询办理进度
        </a>
      </p>
      <h2>申请渠道</h2>
      <ul>
        <li>
          网上申请：填写本平台的在线申请表，提交后获得查询号和查询码，凭此查询办理进度和答复。
        </li>
        <li>
          书面申请：当面提交或者邮寄至{office}
          {agency.office.address ? `（${agency.office.address}）` : ''}
          。当面提交请在办公时间内前往；邮寄的请在信封上注明“政府信息公开申请”字样。
        </li>
      </ul>
      <h2>申请应当包括的内容</h2>
      <ol>
        <li>申请人的姓名或者名称、身份证明、联系方式；</li>
        <li>申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；</li>
        <li>申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。</li>
      </ol>
      <h2>收到申请的时间与办理期限</h2>
      <p>
        网上提交的，以本机关与申请人双方确认之日为收到申请之日；当面提交的，以提交之日为收到申请之日；邮寄提交的，以本机关签收之日为收到申请之日（《条例》第三十一条）。
      </p>
      <p>
        能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。
      </p>
      <p>
        补正、收费和救济途径，详见
        <a href={`/agencies/${agency.slug}/guide#request`}>政府信息公开指南</a>。
      </p>
      <h2>联系方式</h2>
      <OfficeFacts agency={agency} />
    </PortalPage>
  );
}

export function ApplyPage(p: {
  agency: Agency;
  values: FormValues;
  errors: FieldErrors;
  itemRows: number;
  submissionToken: string;
}) {
  return (
    <PortalPage title="政府信息公开申请" agency={p.agency} column={column()}>
      <p>
        向{p.agency.fullName}
        申请获取政府信息。带“必填”的项目必须填写。您填写的个人信息仅用于办理本申请，不会公开（《中华人民共和国个人信息保护法》）。
      </p>
      <p class="muted">
        阅读、书写有困难的，可以到{p.agency.office.name ?? '政府信息公开工作机构'}
        当面提出，由工作人员代为填写（《条例》第二十九条、第四十三条）。
      </p>
      <ApplicationForm
        action={applyPath(p.agency.slug)}
        values={p.values}
        errors={p.errors}
        itemRows={p.itemRows}
        submissionToken={p.submissionToken}
        submitLabel="提交申请"
      />
    </PortalPage>
  );
}

export function SubmittedPage(p: { agency: Agency; trackingNumber: string; accessCode: string }) {
  return (
    <PortalPage title="申请已提交" agency={p.agency} column={column()}>
      <div class="notice ok" role="status">
        <p>您的政府信息公开申请已提交至{p.agency.fullName}。</p>
      </div>
      <dl class="facts">
        <dt>查询号</dt>
        <dd>
          <strong>{p.trackingNumber}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <strong>{p.accessCode}</strong>
        </dd>
      </dl>
      <p>
        <strong>请立即抄写、截图或打印保存查询号和查询码。</strong>
        查询码只在本页显示这一次，本机关也无法查看或找回；凭查询号和查询码可以在
        <a href={TRACK_PATH}>办理进度查询</a>
        页面查看办理状态、各项日期和本机关出具的文书。请勿把查询码告诉他人。
      </p>
      <p>
        网上提交的申请，以本机关与您双方确认之日为收到申请之日（《条例》第三十一条）。工作人员确认后，答复期限自该日起计算，查询页面将显示收到申请之日和答复期限。
      </p>
    </PortalPage>
  );
}

export function TrackPage(p: {
  values: FormValues;
  errors: FieldErrors;
  status?: 200 | 404 | 429;
}) {
  return (
    <PortalPage title="办理进度查询">
      <p>请输入提交申请后获得的查询号和查询码。查询码相当于密码，请勿告诉他人。</p>
      <PostForm action={TRACK_PATH} label="办理进度查询">
        <ErrorSummary errors={p.errors} title="未能查询" />
        <TextField
          name="trackingNumber"
          label="查询号"
          required
          value={p.values.trackingNumber}
          autocomplete="off"
          maxlength={40}
          hint="如 GK-7Q3M-8XKD-2P"
        />
        <TextField
          name="accessCode"
          label="查询码"
          type="password"
          required
          autocomplete="off"
          maxlength={40}
        />
        <SubmitButton>查询</SubmitButton>
      </PostForm>
    </PortalPage>
  );
}
