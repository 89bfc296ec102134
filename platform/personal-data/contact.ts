/** A person's contact details: personal data, kept by the department that needs it, never sent to Temporal. */
export interface PersonalContact {
  name: string;
  phone: string;
  address: string;
  /** Identity card number (GB 11643), when given. */
  idNumber?: string;
}
