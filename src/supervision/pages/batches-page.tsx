// The supervisor's batches: the form for a new one (files, zips, or web addresses) and the
// batches run so far, newest first.
import { ACCEPTED_FILES } from '../../reports/check-console/check-page.js';
import { UPLOAD_LIMITS } from '../../reports/check-console/unpack.js';
import { DataTable } from '../../web/data-table.js';
import {
  ErrorSummary,
  FileField,
  PostForm,
  SubmitButton,
  TextArea,
  TextField,
  type FieldErrors,
} from '../../web/forms.js';
import { chineseDateTime } from '../times.js';
import { ConsolePage } from '../../web/layout.js';
import type { BatchRow } from '../repository.js';
import { BATCHES_PATH, batchPath, dashboardPath } from '../paths.js';

const MB = 1024 * 1024;

export interface BatchFormValues {
  year: string;
  title: string;
  addresses: string;
}

export const BATCH_FORM_LABELS = {
  year: '报告年度',
  title: '批次名称',
  files: '报告文件',
  addresses: '报告网址',
};

export function BatchForm({ values, errors }: { values: BatchFormValues; errors: FieldErrors }) {
  return (
    <PostForm action={BATCHES_PATH} multipart label="新建检查批次">
      <ErrorSummary errors={errors} labels={BATCH_FORM_LABELS} />
      <TextField
        name="year"
        label={BATCH_FORM_LABELS.year}
        value={values.year}
        required
        error={errors.year}
        hint="报告所述的年度，例如 2021；年度不符的报告会被标出，不计入该年度。"
      />
      <TextField
        name="title"
        label={BATCH_FORM_LABELS.title}
        value={values.title}
        error={errors.title}
        hint="可不填，默认为“某年度报告检查”。"
      />
      <FileField
        name="files"
        label={BATCH_FORM_LABELS.files}
        accept={ACCEPTED_FILES}
        multiple
        error={errors.files}
        hint={`可一次选择多个文件或 zip 压缩包（每次合计不超过 ${UPLOAD_LIMITS.requestBytes / MB} MB；每个压缩包最多 ${UPLOAD_LIMITS.zipEntries} 个文件）。出错后需重新选择文件。`}
      />
      <TextArea
        name="addresses"
        label={BATCH_FORM_LABELS.addresses}
        value={values.addresses}
        error={errors.addresses}
        hint={`每行一个已发布报告的网址（网页或 PDF、Word 文件）；网页上附有报告文件的，自动下载附件。每个文件不超过 30 MB，最多 ${UPLOAD_LIMITS.files} 个网址。`}
      />
      <SubmitButton>开始检查</SubmitButton>
    </PostForm>
  );
}

export function BatchesPage(p: {
  batches: readonly BatchRow[];
  values: BatchFormValues;
  errors: FieldErrors;
}) {
  return (
    <ConsolePage title="年度报告检查批次">
      <p class="lead">
        上传下级机关的年度报告（文件、压缩包或网址），系统在后台逐份读取、核对，并建议每份报告所属的下级机关；确认后计入该年度的汇总。
      </p>
      <h2>新建检查批次</h2>
      <BatchForm values={p.values} errors={p.errors} />
      <h2>已有批次</h2>
      <DataTable<BatchRow>
        caption="本机关的检查批次（最新的在前）"
        rows={p.batches}
        empty="还没有检查批次。"
        columns={[
          { label: '批次', cell: (b) => <a href={batchPath(b.id)}>{b.title}</a> },
          {
            label: '报告年度',
            cell: (b) => <a href={dashboardPath(b.year)}>{`${b.year}年`}</a>,
          },
          { label: '文件数', cell: (b) => String(b.file_count) },
          { label: '提交人', cell: (b) => b.created_by_label },
          { label: '提交时间', cell: (b) => chineseDateTime(b.created_at) },
          { label: '状态', cell: (b) => (b.finished_at ? '已完成' : '正在检查') },
        ]}
      />
    </ConsolePage>
  );
}
