import { ROLE_GRANT_STATUSES, ROLES } from './data/organization.models';
import { NAV_ITEMS } from '../../core/nav/nav-items';
import { Tree, lookup, missingKeys, translations, unmatchedKeys } from '../../shared/testing/i18n-tree';
import { HELP_SECTIONS } from '../help/help.page';
import { grantReason } from './role-grants/role-grants.page';

describe('Organization texts', () => {
  let en: Tree;
  let zh: Tree;

  beforeAll(async () => ({ en, zh } = await translations()));

  it('exist in both languages', async () => {
    expect(await unmatchedKeys(['people', 'roleGrants', 'roles', 'help', 'common', 'auth'])).toEqual([]);
  });

  it('cover every key the organization pages and the help page build', async () => {
    const built = [
      ...ROLES.map((r) => `roles.${r}`),
      ...ROLE_GRANT_STATUSES.map((s) => `roleGrants.status.${s}`),
      ...['SelfGrant', 'Conflict:Admin+Finance', 'Conflict:HR+Finance'].map((r) => grantReason(r)!.key),
      ...['one', 'many', 'until', 'open', 'waiting'].map((k) => `people.pendingRoles.${k}`),
      ...NAV_ITEMS.filter((i) => i.section === 'organization').map((i) => i.label),
      ...HELP_SECTIONS.flatMap((s) => [`help.${s}.title`, `help.${s}.body`]),
      'common.close',
    ];
    expect(await missingKeys(built)).toEqual([]);
    expect(lookup(zh, 'people.pendingRoles.one')).toBe('{{roles}}角色须由另一位管理员确认后生效。');
    expect(lookup(en, 'people.pendingRoles.one')).toBe("{{roles}} waits for a second administrator's confirmation.");
    expect(lookup(zh, 'roleGrants.reason.selfGrant')).toBe('自行提权');
    expect(lookup(zh, 'roleGrants.reason.conflictAdminFinance')).toBe('管理与财务职责冲突');
  });
});
