export interface EnterpriseMessage {
  /** Sent once under this key, however often the call is retried. */
  idempotencyKey: string;
  recipientCreditCode: string;
  /** The message's template at 郑好办 (what it says is the template's; the parameters fill it in). */
  template: string;
  params: Record<string, string | number>;
}

/** 郑好办's message service (run by the big-data bureau): messages to an enterprise's legal-person account. */
export interface ZhenghaobanPort {
  send(message: EnterpriseMessage): Promise<{ messageId: string; sentAt: string }>;
  messagesTo(creditCode: string): Promise<(EnterpriseMessage & { messageId: string; sentAt: string })[]>;
}
