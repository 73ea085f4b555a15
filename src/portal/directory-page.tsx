// The portal home: the directory of agencies (部门目录), as a tree of nested lists.
import { AGENCY_KIND_LABELS, AGENCY_LEVEL_LABELS, type Agency } from '../agencies/agency.js';
import { PortalPage } from '../web/layout.js';

interface TreeNode {
  agency: Agency;
  children: TreeNode[];
}

/** Builds the tree from agencies in any order; an agency whose parent is missing becomes a root. */
export function agencyTree(agencies: readonly Agency[]): TreeNode[] {
  const ids = new Set(agencies.map((a) => a.id));
  const nodes = new Map(agencies.map((a) => [a.id, { agency: a, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const a of agencies) {
    const node = nodes.get(a.id) as TreeNode;
    const parent =
      a.parentId && ids.has(a.parentId) && a.parentId !== a.id ? nodes.get(a.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // A cycle in bad data leaves its members unreachable from any root: show them as roots.
  const reachable = new Set<string>();
  const mark = (n: TreeNode) => {
    if (reachable.has(n.agency.id)) return;
    reachable.add(n.agency.id);
    n.children.forEach(mark);
  };
  roots.forEach(mark);
  for (const a of agencies) {
    if (!reachable.has(a.id)) {
      const n = nodes.get(a.id) as TreeNode;
      roots.push(n);
      mark(n);
    }
  }
  return roots;
}

function Branch({ nodes, seen }: { nodes: TreeNode[]; seen: Set<string> }) {
  return (
    <ul>
      {nodes.map((n) => {
        if (seen.has(n.agency.id)) return null;
        seen.add(n.agency.id);
        return (
          <li>
            <a href={`/agencies/${n.agency.slug}`}>{n.agency.fullName}</a>
            <span class="level">
              {AGENCY_LEVEL_LABELS[n.agency.level]} · {AGENCY_KIND_LABELS[n.agency.kind]}
            </span>
            {n.children.length > 0 ? <Branch nodes={n.children} seen={seen} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function DirectoryPage({ agencies }: { agencies: readonly Agency[] }) {
  const tree = agencyTree(agencies);
  return (
    <PortalPage title="部门目录">
      <p class="lead">
        本平台集中发布各机关依照《中华人民共和国政府信息公开条例》主动公开的政府信息。请选择机关，进入其“政府信息公开”专栏，查阅政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开工作年度报告，或了解依申请公开的办理方式。
      </p>
      {tree.length === 0 ? (
        <div class="notice">
          <p>本平台尚未登记任何机关。机关信息由系统管理员在工作台中登记后在此显示。</p>
        </div>
      ) : (
        <section aria-labelledby="directory-title">
          <h2 id="directory-title">机关列表（按隶属关系排列）</h2>
          <div class="agency-tree">
            <Branch nodes={tree} seen={new Set()} />
          </div>
        </section>
      )}
    </PortalPage>
  );
}
