// Search results in the catalogue: each item with its matches highlighted in the title and
// summary (<mark>, text escaped by JSX), ordered by relevance or date with plain links.
import type { Agency } from '../../agencies/agency.js';
import { Pager } from '../../web/pager.js';
import { categoryLabel, VALIDITY_LABELS, type Publication } from '../item.js';
import type { SearchOrder, SearchResult } from '../search.js';
import { highlightTerms, markTerms } from '../search-tokens.js';
import { itemHref } from './catalogue-cards.js';
import { DateText } from './metadata.js';

function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {markTerms(text, terms).map((piece) => (piece.mark ? <mark>{piece.text}</mark> : piece.text))}
    </>
  );
}

export function SearchResults(p: {
  agency: Agency;
  query: string;
  order: SearchOrder;
  result: SearchResult;
  hrefFor(changes: { page?: number; sort?: SearchOrder }): string;
}) {
  const terms = highlightTerms(p.query);
  const other: SearchOrder = p.order === 'relevance' ? 'date' : 'relevance';
  return (
    <section aria-labelledby="search-results">
      <h2 id="search-results">检索“{p.query}”的结果</h2>
      <p>
        共找到 {p.result.total} 条，按{p.order === 'relevance' ? '相关度' : '发布日期'}排列。
        <a href={p.hrefFor({ sort: other })}>
          改为按{other === 'relevance' ? '相关度' : '发布日期'}排列
        </a>
        　<a href={`/agencies/${p.agency.slug}/catalogue`}>返回浏览全部信息</a>
      </p>
      {p.result.total === 0 ? (
        <p>没有找到包含“{p.query}”的已发布信息。可以减少或更换检索词，或输入文号、索引号检索。</p>
      ) : (
        <>
          <ul class="card-grid">
            {p.result.rows.map((item: Publication) => (
              <li class="card">
                <h3>
                  <a href={itemHref(p.agency, item)}>
                    <Highlighted text={item.title} terms={terms} />
                  </a>
                </h3>
                <p>
                  <Highlighted text={item.summary} terms={terms} />
                </p>
                <p class="muted">
                  发布日期：
                  <DateText date={item.publishedOn} />
                  {item.documentNumber ? (
                    <>
                      {' '}
                      · 文号：
                      <Highlighted text={item.documentNumber} terms={terms} />
                    </>
                  ) : null}
                </p>
                <p class="muted">
                  {categoryLabel(item.category)} · 有效性：
                  <span class="tag">{VALIDITY_LABELS[item.validity]}</span>
                </p>
              </li>
            ))}
          </ul>
          <Pager
            total={p.result.total}
            page={p.result.page}
            pageCount={p.result.pageCount}
            hrefFor={p.hrefFor}
          />
        </>
      )}
    </section>
  );
}
