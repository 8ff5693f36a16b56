import { ROLE_GRANT_STATUSES, ROLES } from './data/organization.models';
import { NAV_ITEMS } from '../../core/nav/nav-items';
import { keys, lookup, Tree } from '../../shared/testing/i18n-tree';
import { HELP_SECTIONS } from '../help/help.page';
import { grantReason } from './role-grants/role-grants.page';

describe('Organization texts', () => {
  let en: Tree;
  let zh: Tree;

  beforeAll(async () => {
    en = (await import('../../../i18n/en.json')).default as unknown as Tree;
    zh = (await import('../../../i18n/zh-CN.json')).default as unknown as Tree;
  });

  it('exist in both languages', () => {
    for (const section of ['people', 'roleGrants', 'roles', 'help', 'common', 'auth']) {
      expect(keys(en[section] as Tree).sort(), section).toEqual(keys(zh[section] as Tree).sort());
    }
  });

  it('cover every key the organization pages and the help page build', () => {
    const built = [
      ...ROLES.map((r) => `roles.${r}`),
      ...ROLE_GRANT_STATUSES.map((s) => `roleGrants.status.${s}`),
      ...['SelfGrant', 'Conflict:Admin+Finance', 'Conflict:HR+Finance'].map((r) => grantReason(r)!.key),
      ...['one', 'many', 'until', 'open', 'waiting'].map((k) => `people.pendingRoles.${k}`),
      ...NAV_ITEMS.filter((i) => i.section === 'organization').map((i) => i.label),
      ...HELP_SECTIONS.flatMap((s) => [`help.${s}.title`, `help.${s}.body`]),
      'common.close',
    ];
    for (const tree of [en, zh]) {
      expect(built.filter((k) => typeof lookup(tree, k) !== 'string')).toEqual([]);
    }
    expect(lookup(zh, 'people.pendingRoles.one')).toBe('{{roles}}角色须由另一位管理员确认后生效。');
    expect(lookup(en, 'people.pendingRoles.one')).toBe("{{roles}} waits for a second administrator's confirmation.");
    expect(lookup(zh, 'roleGrants.reason.selfGrant')).toBe('自行提权');
    expect(lookup(zh, 'roleGrants.reason.conflictAdminFinance')).toBe('管理与财务职责冲突');
  });
});
