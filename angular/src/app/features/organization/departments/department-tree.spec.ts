import { Department } from '../data/organization.models';
import { flattenDepartments, subtreeIds } from './department-tree';

const d = (id: string, name: string, parentId: string | null): Department => ({
  id, code: id.toUpperCase(), name, parentId, headPersonId: null, headName: null,
});

describe('department tree', () => {
  const departments = [d('fin', 'Finance', 'hq'), d('hq', 'Head office', null), d('ap', 'Payables', 'fin'), d('it', 'IT', 'hq'), d('lost', 'Orphan', 'gone')];

  it('puts parents before children, siblings by name, with their depth', () => {
    expect(flattenDepartments(departments).map((n) => `${n.depth}:${n.department.id}`)).toEqual([
      '0:hq', '1:fin', '2:ap', '1:it', '0:lost',
    ]);
  });

  it('does not loop on a cycle in the data', () => {
    const cyclic = [d('a', 'A', 'b'), d('b', 'B', 'a')];
    expect(flattenDepartments(cyclic)).toEqual([]);
  });

  it('finds a department and everything under it', () => {
    expect([...subtreeIds(departments, 'fin')].sort()).toEqual(['ap', 'fin']);
  });
});
