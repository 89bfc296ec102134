import { Alert } from 'antd';
import type { ApiRefusal } from '../api';
import { refusalHeading } from '../refusal-words';

/** A refusal shown where it happened: what it means in Chinese, then each field and rule the API named. */
export function RefusalAlert({ refusal }: { refusal: ApiRefusal }) {
  const details =
    refusal.problems.length > 0 ? (
      <ul>
        {refusal.problems.map((problem) => (
          <li key={`${problem.field}:${problem.rule}`}>
            <code>{problem.field}</code>：{problem.rule}
          </li>
        ))}
      </ul>
    ) : (
      refusal.message
    );
  return <Alert type="error" showIcon role="alert" title={refusalHeading(refusal)} description={details} />;
}
