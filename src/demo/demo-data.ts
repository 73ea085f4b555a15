// The demo data: the seed report's agency, 灵山卫街道办事处, under 青岛市黄岛区人民政府
// (西海岸新区), and one demo account per role. The disclosure office is as the 2021 annual
// report gives it (综合办公室, 灵岩路77号, 0532-83185761); office hours are the usual working
// hours, and fax and e-mail are left empty because the report does not give them.
// The agency codes are FICTIONAL (they pass the check-character rule but are not the
// agencies' real codes): replace them before any real use.
import type { AgencyInput } from '../agencies/agency.js';
import type { Role } from '../auth/roles.js';

export const DEMO_PASSWORD = 'gongkai-demo';

export const DEMO_PARENT: AgencyInput = {
  parentId: null,
  slug: 'huangdao',
  fullName: '青岛市黄岛区人民政府',
  shortName: '黄岛区（西海岸新区）',
  code: '11370211D000000133',
  level: 'county',
  kind: 'government',
  officeName: null,
  officeAddress: null,
  officeHours: null,
  officePhone: null,
  officeFax: null,
  officeEmail: null,
  officeWebsite: null,
};

export const DEMO_AGENCY: Omit<AgencyInput, 'parentId'> = {
  slug: 'lingshanwei',
  fullName: '灵山卫街道办事处',
  shortName: '灵山卫街道',
  code: '11370211D00000021X',
  level: 'township',
  kind: 'government',
  officeName: '综合办公室',
  officeAddress: '青岛市西海岸新区灵岩路77号',
  officeHours: '法定工作日 上午9:00—12:00，下午13:30—17:00',
  officePhone: '0532-83185761',
  officeFax: null,
  officeEmail: null,
  officeWebsite: null,
};

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** Which demo agency the account belongs to. */
  agency: 'parent' | 'agency';
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'lsw-handler', displayName: '演示承办人', roles: ['handler'], agency: 'agency' },
  { username: 'lsw-head', displayName: '演示负责人', roles: ['office_head'], agency: 'agency' },
  {
    username: 'lsw-reviewer',
    displayName: '演示保密审查员',
    roles: ['reviewer'],
    agency: 'agency',
  },
  { username: 'lsw-publisher', displayName: '演示发布员', roles: ['publisher'], agency: 'agency' },
  {
    username: 'lsw-supervisor',
    displayName: '演示监督员（街道）',
    roles: ['supervisor'],
    agency: 'agency',
  },
  { username: 'lsw-admin', displayName: '演示系统管理员', roles: ['admin'], agency: 'agency' },
  {
    username: 'hd-supervisor',
    displayName: '演示监督员（区）',
    roles: ['supervisor'],
    agency: 'parent',
  }, // The top of the demo tree: its administrator is the platform administrator (工作日历).
  { username: 'hd-platform', displayName: '演示平台管理员', roles: ['admin'], agency: 'parent' },
];

/** A demo subordinate of 黄岛区: a sub-district or a department, named 演示 on every page. */
const demoSubordinate = (
  slug: string,
  fullName: string,
  shortName: string,
  code: string,
  level: 'township' | 'county',
): Omit<AgencyInput, 'parentId'> => ({
  slug,
  fullName,
  shortName,
  code,
  level,
  kind: level === 'township' ? 'government' : 'department',
  officeName: null,
  officeAddress: null,
  officeHours: null,
  officePhone: null,
  officeFax: null,
  officeEmail: null,
  officeWebsite: null,
});

/**
 * More subordinates of 青岛市黄岛区人民政府, so that `hd-supervisor` has a real dashboard: three
 * 街道 and two departments, all marked 演示. Their codes are FICTIONAL (valid check
 * characters only); their reports are the demo batches of src/supervision/demo.ts.
 */
export const DEMO_SUBORDINATES: readonly Omit<AgencyInput, 'parentId'>[] = [
  demoSubordinate(
    'demo-xuejiadao',
    '薛家岛街道办事处（演示）',
    '薛家岛街道（演示）',
    '11370211D00000031Y',
    'township',
  ),
  demoSubordinate(
    'demo-xinan',
    '辛安街道办事处（演示）',
    '辛安街道（演示）',
    '11370211D000000322',
    'township',
  ),
  demoSubordinate(
    'demo-changjianglu',
    '长江路街道办事处（演示）',
    '长江路街道（演示）',
    '11370211D000000335',
    'township',
  ),
  demoSubordinate(
    'demo-hd-education',
    '青岛市黄岛区教育和体育局（演示）',
    '区教育和体育局（演示）',
    '11370211D000000348',
    'county',
  ),
  demoSubordinate(
    'demo-hd-health',
    '青岛市黄岛区卫生健康局（演示）',
    '区卫生健康局（演示）',
    '11370211D00000035B',
    'county',
  ),
];
