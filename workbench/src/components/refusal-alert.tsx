import { Alert } from 'antd';
import type { ApiRefusal } from '../api';
import { fieldWord } from '../form-words';
import type { CaseKind } from '../platform-words';
import { refusalHeading } from '../refusal-words';

/** A refusal shown where it happened: what it means in Chinese, then each field (in the process's words) and rule. */
export function RefusalAlert({
  refusal,
  words,
}: {
  refusal: ApiRefusal;
  words?: Pick<CaseKind, 'fields' | 'values'>;
}) {
  const details =
    refusal.problems.length > 0 ? (
      <ul>
        {refusal.problems.map((problem) => (
          <li key={`${problem.field}:${problem.rule}`}>
            {words ? `${fieldWord(problem.field, words)}（${problem.field}）` : problem.field}：{problem.rule}
          </li>
        ))}
      </ul>
    ) : (
      refusal.message
    );
  return <Alert type="error" showIcon role="alert" title={refusalHeading(refusal)} description={details} />;
}
