import { commentRequired, decisionFailure, decisionProblem } from './decision-rules';
import { noteLabels } from './notes';

describe('decision rules', () => {
  it('requires a comment to return or reject, not to approve', () => {
    expect(commentRequired('approve')).toBe(false);
    expect(commentRequired('return')).toBe(true);
    expect(decisionProblem('approve', '')).toBeNull();
    expect(decisionProblem('reject', '   ')).toBe('commentRequired');
    expect(decisionProblem('return', null)).toBe('commentRequired');
    expect(decisionProblem('return', 'Missing invoice')).toBeNull();
  });

  it('tells a conflict (someone decided first) from a missing comment and other failures', () => {
    expect(decisionFailure(409, 'Approvals.TaskClosed')).toBe('conflict');
    expect(decisionFailure(400, 'Approvals.CommentRequired')).toBe('commentRequired');
    expect(decisionFailure(403, 'Approvals.NotYourTask')).toBe('other');
  });
});

describe('notes', () => {
  it('splits the server notes and knows the ones it translates', () => {
    expect(noteLabels('fallback, delegated:张伟').map((n) => [n.key, n.params['name']])).toEqual([
      ['approvals.note.fallback', ''],
      ['approvals.note.delegated', '张伟'],
    ]);
    expect(noteLabels('something-new')[0].key).toBeNull();
    expect(noteLabels(null)).toEqual([]);
  });
});
