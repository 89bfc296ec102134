import Form from '@rjsf/antd';
import validator from '@rjsf/validator-ajv8';
import { Button } from 'antd';
import { useState } from 'react';
import { ApiRefusal } from '../api';
import type { JsonSchema } from '../openapi';
import { RefusalAlert } from './refusal-alert';

interface SchemaFormProps {
  schema: JsonSchema;
  submitLabel: string;
  /** Sends the form; a refusal is shown above the form, which keeps what was typed. */
  onSubmit: (body: unknown) => Promise<void>;
}

/**
 * A form generated from a request body's JSON schema. The API is the one judge of what it accepts: the form does
 * not second-guess it, and shows its refusal in place.
 */
export function SchemaForm({ schema, submitLabel, onSubmit }: SchemaFormProps) {
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
      {refusal && <RefusalAlert refusal={refusal} />}
      <Form
        schema={schema}
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
