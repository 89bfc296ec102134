import Form from '@rjsf/antd';
import validator from '@rjsf/validator-ajv8';
import { Button } from 'antd';
import { useState } from 'react';
import { ApiRefusal } from '../api';
import { withWords } from '../form-words';
import type { JsonSchema } from '../openapi';
import type { CaseKind } from '../platform-words';
import { RefusalAlert } from './refusal-alert';

interface SchemaFormProps {
  schema: JsonSchema;
  /** The process's words for the fields and their values. */
  words: Pick<CaseKind, 'fields' | 'values'>;
  submitLabel: string;
  /** Sends the form; a refusal is shown above the form, which keeps what was typed. */
  onSubmit: (body: unknown) => Promise<void>;
}

/**
 * A form generated from a request body's JSON schema. The API is the one judge of what it accepts: the form does
 * not second-guess it, and shows its refusal in place.
 */
export function SchemaForm({ schema, words, submitLabel, onSubmit }: SchemaFormProps) {
  const [shown] = useState(() => withWords(schema, words));
  const [formData, setFormData] = useState<unknown>(undefined);
  const [refusal, setRefusal] = useState<ApiRefusal | undefined>();
  const [sending, setSending] = useState(false);
  const submit = async (body: unknown) => {
    setSending(true);
    setRefusal(undefined);
    try {
      await onSubmit(body ?? {});
    } catch (error) {
      if (error instanceof ApiRefusal) setRefusal(error);
      else throw error;
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      {refusal && <RefusalAlert refusal={refusal} words={words} />}
      <Form
        schema={shown}
        validator={validator}
        formData={formData}
        noValidate
        showErrorList={false}
        onChange={(event) => setFormData(event.formData)}
        onSubmit={(event) => void submit(event.formData)}
      >
        <Button type="primary" htmlType="submit" loading={sending}>
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
