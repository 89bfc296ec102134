import type { Db } from '../../db/connection';
import type { EnterpriseMessage, ZhenghaobanPort } from './port';

const TABLE = 'zhenghaoban.messages';

interface MessageRow {
  message_id: string;
  idempotency_key: string;
  recipient_credit_code: string;
  template: string;
  params: EnterpriseMessage['params'];
  sent_at: Date;
}

const toMessage = (row: MessageRow) => ({
  messageId: row.message_id,
  idempotencyKey: row.idempotency_key,
  recipientCreditCode: row.recipient_credit_code,
  template: row.template,
  params: row.params,
  sentAt: row.sent_at.toISOString(),
});

export class PostgresZhenghaoban implements ZhenghaobanPort {
  constructor(private readonly db: Db) {}

  async send(message: EnterpriseMessage): Promise<{ messageId: string; sentAt: string }> {
    await this.db(TABLE)
      .insert({
        idempotency_key: message.idempotencyKey,
        recipient_credit_code: message.recipientCreditCode,
        template: message.template,
        params: JSON.stringify(message.params),
      })
      .onConflict('idempotency_key')
      .ignore();
    const row = await this.db<MessageRow>(TABLE).where({ idempotency_key: message.idempotencyKey }).first();
    return { messageId: row!.message_id, sentAt: row!.sent_at.toISOString() };
  }

  async messagesTo(creditCode: string) {
    const rows = await this.db<MessageRow>(TABLE)
      .where({ recipient_credit_code: creditCode })
      .orderBy('message_id');
    return rows.map(toMessage);
  }
}
