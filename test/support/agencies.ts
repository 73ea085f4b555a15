// An agency as the agency service takes it, for tests that create one: a valid default
// (a 街道 office with a code that passes its check digit and no disclosure office details)
// with only what the test is about given.
import type { AgencyInput } from '../../src/agencies/agency.js';

export function agencyInput(
  overrides: Partial<AgencyInput> & Pick<AgencyInput, 'slug'>,
): AgencyInput {
  return {
    parentId: null,
    fullName: '测试街道办事处',
    shortName: '测试街道',
    code: '11100000000013338W',
    level: 'township',
    kind: 'government',
    officeName: null,
    officeAddress: null,
    officeHours: null,
    officePhone: null,
    officeFax: null,
    officeEmail: null,
    officeWebsite: null,
    ...overrides,
  };
}
