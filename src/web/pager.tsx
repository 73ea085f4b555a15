// Page links under a list: 「共 N 条，第 x/y 页」, previous and next, and the pages around
// the current one (marked aria-current). Plain links: the filters travel in each URL.

export interface PagerProps {
  total: number;
  page: number;
  pageCount: number;
  hrefFor(changes: { page: number }): string;
}

/** The page numbers linked: the first, the last, and two on each side of the current. */
export function pagesAround(page: number, pageCount: number): number[] {
  const shown = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) shown.add(p);
  return [...shown].sort((a, b) => a - b);
}

export function pagerSummary(p: Pick<PagerProps, 'total' | 'page' | 'pageCount'>): string {
  return `共 ${p.total} 条，第 ${p.page}/${p.pageCount} 页`;
}

export function Pager(p: PagerProps) {
  const pages = pagesAround(p.page, p.pageCount);
  return (
    <nav class="pager" aria-label="分页">
      <p>{pagerSummary(p)}</p>
      {p.pageCount > 1 ? (
        <ul>
          {p.page > 1 ? (
            <li>
              <a href={p.hrefFor({ page: p.page - 1 })} rel="prev">
                上一页
              </a>
            </li>
          ) : null}
          {pages.map((n, i) => (
            <>
              {i > 0 && n - (pages[i - 1] ?? n) > 1 ? <li aria-hidden="true">…</li> : null}
              <li>
                <a
                  href={p.hrefFor({ page: n })}
                  aria-current={n === p.page ? 'page' : undefined}
                  aria-label={`第 ${n} 页`}
                >
                  {n}
                </a>
              </li>
            </>
          ))}
          {p.page < p.pageCount ? (
            <li>
              <a href={p.hrefFor({ page: p.page + 1 })} rel="next">
                下一页
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </nav>
  );
}
